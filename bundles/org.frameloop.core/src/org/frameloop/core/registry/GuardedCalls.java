package org.frameloop.core.registry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Wraps a created contribution so that whatever it throws at run time names it: a runtime exception or a
 * linkage error (a class its bundle lacks) becomes a {@link PluginFailure} with the contribution's id and
 * bundle. Cancellation, checked exceptions and other errors pass through unchanged. The wrapper implements
 * every public interface of the instance, so {@code instanceof} checks on SPI sub-interfaces still hold.
 */
final class GuardedCalls implements InvocationHandler {

    private final Contribution<?> contribution;
    private final Object instance;

    private GuardedCalls(Contribution<?> contribution, Object instance) {
        this.contribution = contribution;
        this.instance = instance;
    }

    static <T> T wrap(Contribution<T> contribution, T instance) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> type = instance.getClass(); type != null; type = type.getSuperclass()) {
            collectPublicInterfaces(type, interfaces);
        }
        interfaces.add(contribution.point().type());
        GuardedCalls calls = new GuardedCalls(contribution, instance);
        Object proxy;
        try {
            proxy = Proxy.newProxyInstance(instance.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
                    calls);
        } catch (IllegalArgumentException e) {
            // an interface the plugin's class loader cannot see by name: guard the point's interface alone
            Class<T> type = contribution.point().type();
            proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, calls);
        }
        return contribution.point().type().cast(proxy);
    }

    private static void collectPublicInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (Modifier.isPublic(implemented.getModifiers())) {
                into.add(implemented);
            }
            collectPublicInterfaces(implemented, into);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> contribution.toString();
            };
        }
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof OperationCanceledException || thrown instanceof PluginFailure
                    || !(thrown instanceof RuntimeException || thrown instanceof LinkageError)) {
                throw thrown;
            }
            throw new PluginFailure(contribution.point().elementName() + " '" + contribution.id() + "' from "
                    + contribution.bundleName() + " failed in " + method.getName() + ": "
                    + Contribution.rootMessage(thrown), contribution.id(), contribution.bundleName(), thrown);
        }
    }
}
