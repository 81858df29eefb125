package org.frameloop.testkit;

/**
 * Makes a fresh instance of the contribution under test. Every check asks for its own instance, so one
 * check's state (a cache, a fine-tuned model) never leaks into the next.
 */
@FunctionalInterface
public interface InstanceFactory<T> {

    T create() throws Exception;
}
