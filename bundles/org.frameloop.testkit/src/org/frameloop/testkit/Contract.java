package org.frameloop.testkit;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * The checks every implementation of one SPI interface must pass, as JUnit 5 dynamic tests. The name
 * appears in every test name and failure message: use the contribution's id (or
 * {@code Contribution.describe()}, which adds its bundle).
 */
@FunctionalInterface
public interface Contract<T> {

    Stream<DynamicTest> checks(String name, InstanceFactory<T> factory);
}
