package org.frameloop.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/** Names a contract check "<contribution> <behaviour>", the way it shows in a test report. */
final class Checks {

    private Checks() {
    }

    static DynamicTest check(String name, String behaviour, Executable body) {
        return DynamicTest.dynamicTest(name + " " + behaviour, body);
    }
}
