package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrameloopApplicationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new FrameloopApplication().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheSubcommandsAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("doctor"), out());
        assertTrue(out().contains("bench"), out());
        assertTrue(out().contains("ide"), out());
    }

    @Test
    void runDemoAndBenchHelpListTheInstalledContributionsWithTheirBundlesAndDeclaredParameters() {
        for (String command : List.of("run", "demo", "bench")) {
            out.reset();
            assertEquals(0, run(command, "--help"), command);
            String help = out();
            assertTrue(help.contains("installed contributions (from the extension registry"), command + ": " + help);
            assertTrue(help.matches("(?s).*\n    coverage +\\S.*\\[org\\.frameloop\\.select\\]\n.*"), command + ": " + help);
            assertTrue(help.contains("      sizePx=(integer, default 16, at least 2)  Side of a tile in pixels"),
                    command + ": " + help);
            assertTrue(help.contains("Segmentation models (--model ID"), command + ": " + help);
        }
    }

    @Test
    void exportHelpListsEveryExporterOfTheRegistryIncludingTheOneThisTestFragmentContributes() {
        assertEquals(0, run("export", "--help"));

        assertTrue(out().contains("Label exporters (--format ID, --format-param K=V):"), out());
        assertTrue(out().matches("(?s).*\n    test-throwing-exporter +Throws when exporting \\(test\\)  "
                + "\\[org\\.frameloop\\.cli\\]\n.*"), out());
    }

    @Test
    void anUnknownCommandIsAOneLineUsageErrorWithExitCodeTwo() {
        assertEquals(2, run("frobnicate"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown command 'frobnicate'"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    @Test
    void doctorFindsDjlAndOpenCvAndEveryContributionLoads() {
        int exit = run("doctor");

        assertEquals(0, exit, out());
        assertTrue(out().contains("PyTorch 2.7.1"), out());
        assertTrue(out().contains("version         4.9"), out());
        assertTrue(out().contains("[ok]   dis"), out());
        assertTrue(out().contains("All checks passed."), out());
    }

    @Test
    void benchRejectsAnUnknownFlagInOneLineWithExitCodeTwo() {
        assertEquals(2, run("bench", "--videos", "x", "--frobnicate"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown option --frobnicate"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    @Test
    void benchNamesAMissingVideoFolderInOneLineWithExitCodeTwo() {
        assertEquals(2, run("bench", "--videos", "no/such/video", "--out", "unused"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("no/such/video: no such folder"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    @Test
    void doctorRejectsOptionsItDoesNotKnow() {
        assertEquals(2, run("doctor", "--fast"));
    }
}
