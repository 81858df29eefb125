package org.frameloop.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.frameloop.core.spi.Configurable;

/**
 * One plugin contribution as declared in plugin.xml: described eagerly (id, name, description,
 * parameters), instantiated only when {@link #create} is called, so menus can list a model without
 * loading its native libraries.
 */
public final class Contribution<T> {

    private final ExtensionPoint<T> point;
    private final String id;
    private final String name;
    private final String description;
    private final String bundleName;
    private final List<ParameterSpec> parameters;
    private final IConfigurationElement element;

    Contribution(ExtensionPoint<T> point, String id, String name, String description, String bundleName,
            List<ParameterSpec> parameters, IConfigurationElement element) {
        this.point = point;
        this.id = id;
        this.name = name;
        this.description = description;
        this.bundleName = bundleName;
        this.parameters = List.copyOf(parameters);
        this.element = element;
    }

    public ExtensionPoint<T> point() {
        return point;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The symbolic name of the bundle that contributed it, for messages. */
    public String bundleName() {
        return bundleName;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /**
     * An attribute that a point's schema adds to the common ones (e.g. a video reader's
     * {@code extensions}), read from plugin.xml without loading the class; empty when absent or blank.
     */
    public Optional<String> attribute(String name) {
        try {
            return Optional.ofNullable(element.getAttribute(name)).map(String::trim).filter(v -> !v.isEmpty());
        } catch (InvalidRegistryObjectException e) {
            return Optional.empty();
        }
    }

    /** Creates an instance with every parameter at its default. */
    public T create() throws ContributionException {
        return create(Map.of());
    }

    /**
     * Creates a fresh instance and hands it its parameters.
     *
     * @param parameterText user-given values by parameter name; undeclared names are an error
     * @throws ContributionException naming the bundle and contribution when anything fails: a bad value,
     *                               a missing class, a constructor or {@code configure} that throws
     */
    public T create(Map<String, String> parameterText) throws ContributionException {
        ParameterValues values;
        try {
            values = ParameterValues.resolve(parameters, parameterText);
        } catch (IllegalArgumentException e) {
            throw new ContributionException(describe() + ": " + e.getMessage(), e);
        }
        Object instance;
        try {
            instance = element.createExecutableExtension("class");
        } catch (CoreException | RuntimeException | LinkageError e) {
            throw new ContributionException(describe() + " could not be created: " + rootMessage(e), e);
        }
        if (!point.type().isInstance(instance)) {
            throw new ContributionException(describe() + ": class " + instance.getClass().getName()
                    + " does not implement " + point.type().getName(), null);
        }
        if (instance instanceof Configurable configurable) {
            try {
                configurable.configure(values);
            } catch (RuntimeException e) {
                throw new ContributionException(describe() + " rejected its parameters " + values + ": "
                        + rootMessage(e), e);
            }
        } else if (!parameters.isEmpty()) {
            throw new ContributionException(describe() + " declares parameters but its class does not implement "
                    + Configurable.class.getSimpleName(), null);
        }
        return point.type().cast(instance);
    }

    /**
     * As {@link #create(Map)}, wrapped so that anything the instance throws at run time is a
     * {@link PluginFailure} naming this contribution and its bundle; what runs a loop uses this.
     */
    public T createGuarded(Map<String, String> parameterText) throws ContributionException {
        return GuardedCalls.wrap(this, create(parameterText));
    }

    /** "selector 'coverage' from org.frameloop.select", for messages. */
    public String describe() {
        return point.elementName() + " '" + id + "' from " + bundleName;
    }

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public String toString() {
        return id + " (" + name + ", from " + bundleName + ")";
    }
}
