package org.frameloop.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * Lists the contributions to Frameloop's extension points. It reads the Equinox extension registry on
 * every call (cheap, and never stale when bundles come and go) and validates each contribution on its
 * own: a malformed one is reported by bundle name through {@link #problems} and skipped, never fatal.
 */
public final class PluginRegistry {

    private final IExtensionRegistry registry;

    public PluginRegistry(IExtensionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The registry of the running OSGi platform. */
    public static PluginRegistry ofPlatform() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            throw new IllegalStateException("the Equinox extension registry is not running");
        }
        return new PluginRegistry(registry);
    }

    /** Well-formed contributions to {@code point}, sorted by id. */
    public <T> List<Contribution<T>> contributions(ExtensionPoint<T> point) {
        List<Contribution<T>> found = new ArrayList<>();
        read(point, found, new ArrayList<>());
        return found;
    }

    public <T> Optional<Contribution<T>> find(ExtensionPoint<T> point, String id) {
        return contributions(point).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Creates the contribution {@code id} of {@code point} with its parameters: the one way commands and
     * benchmarks turn a user's choice into an instance.
     *
     * @param parameterText user-given values by parameter name; the rest keep their defaults
     * @throws ContributionException when no such contribution is installed (the message lists the
     *                               installed ids) or it cannot be created with these parameters
     */
    public <T> T create(ExtensionPoint<T> point, String id, Map<String, String> parameterText)
            throws ContributionException {
        return require(point, id).create(parameterText);
    }

    /** As {@link #create(ExtensionPoint, PluginChoice)}, guarded: see {@link Contribution#createGuarded}. */
    public <T> T createGuarded(ExtensionPoint<T> point, PluginChoice choice) throws ContributionException {
        return require(point, choice.id()).createGuarded(choice.parameters());
    }

    /** The contribution {@code id} of {@code point}, or an exception listing the installed ids. */
    public <T> Contribution<T> require(ExtensionPoint<T> point, String id) throws ContributionException {
        return find(point, id).orElseThrow(() -> new ContributionException("no "
                + point.elementName() + " '" + id + "'; installed: "
                + contributions(point).stream().map(Contribution::id).toList(), null));
    }

    /** As {@link #create(ExtensionPoint, String, Map)} for a {@link PluginChoice}. */
    public <T> T create(ExtensionPoint<T> point, PluginChoice choice) throws ContributionException {
        return create(point, choice.id(), choice.parameters());
    }

    /** Contributions to any Frameloop extension point that were skipped, and why. */
    public List<ContributionProblem> problems() {
        List<ContributionProblem> problems = new ArrayList<>();
        for (ExtensionPoint<?> point : ExtensionPoint.all()) {
            read(point, new ArrayList<>(), problems);
        }
        return problems;
    }

    private <T> void read(ExtensionPoint<T> point, List<Contribution<T>> found, List<ContributionProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(point.id())) {
            if (!element.getName().equals(point.elementName())) {
                continue;
            }
            String bundle = "?";
            String id = "?";
            try {
                bundle = element.getContributor().getName();
                id = element.getAttribute("id");
                Contribution<T> contribution = describe(point, element, bundle);
                if (!ids.add(contribution.id())) {
                    problems.add(new ContributionProblem(point.id(), bundle, id,
                            "another " + point.elementName() + " already uses this id; this one is ignored"));
                    continue;
                }
                found.add(contribution);
            } catch (IllegalArgumentException | InvalidRegistryObjectException e) {
                problems.add(new ContributionProblem(point.id(), bundle, id, e.getMessage()));
            }
        }
        found.sort(Comparator.comparing(Contribution::id));
    }

    private static <T> Contribution<T> describe(ExtensionPoint<T> point, IConfigurationElement element, String bundle) {
        String id = required(element, "id");
        String name = required(element, "name");
        required(element, "class");
        String description = Optional.ofNullable(element.getAttribute("description")).orElse("");
        List<ParameterSpec> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (IConfigurationElement p : element.getChildren("parameter")) {
            ParameterSpec spec = new ParameterSpec(required(p, "name"), ParameterType.parse(required(p, "type")),
                    required(p, "default"), Optional.ofNullable(p.getAttribute("description")).orElse(""),
                    splitChoices(p.getAttribute("choices")), number(p, "min"), number(p, "max"));
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' is declared twice");
            }
            parameters.add(spec);
        }
        return new Contribution<>(point, id, name, description, bundle, parameters, element);
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks the required attribute '"
                    + attribute + "'");
        }
        return value.trim();
    }

    private static List<String> splitChoices(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.trim().split("\\s*,\\s*"));
    }

    private static Double number(IConfigurationElement element, String attribute) {
        String text = element.getAttribute(attribute);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter attribute " + attribute + "='" + text + "' is not a number");
        }
    }
}
