package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

/**
 * kill -9 at seeded random moments: a child JVM runs the annotation loop on a project
 * ({@link CrashableAnnotationRun}, plain Java on a class path: the code under test needs no OSGi), the test
 * kills it with {@code destroyForcibly} after a random number of its events, checks the project, and starts
 * it again (it resumes), many times; then lets it finish. After every kill the project opens, its journal is
 * a prefix of an uncrashed run's, every journaled sample's labels are in the human label files, and human
 * labels outside journaled samples belong to at most the one sample in hand. The finished project equals
 * the uncrashed run's exactly.
 */
class CrashResumeTest {

    private static final int KILLS = 24;
    private static final long SEED = 20261124L;
    private static final long CHILD_TIMEOUT_SECONDS = 30;

    @TempDir
    Path temp;

    @Test
    void killedAtRandomMomentsTheProjectAlwaysOpensLosesNothingJournaledAndFinishesAsIfNeverKilled()
            throws Exception {
        Path reference = temp.resolve("reference");
        CrashableAnnotationRun.run(reference, new PrintStream(PrintStream.nullOutputStream()));
        List<String> referenceLedger = ledgerWithoutTimes(reference);
        assertTrue(referenceLedger.size() >= 12, "the uncrashed run annotates enough samples to crash into");

        Path project = temp.resolve("crashed");
        Random random = new Random(SEED);
        int journaledBefore = 0;
        int killed = 0;
        int resumes = 0;
        for (int attempt = 0; attempt < KILLS; attempt++) {
            int eventsBeforeKill = random.nextInt(4);
            boolean existed = Files.exists(project.resolve(ProjectStore.PROJECT_FILE));
            boolean finished = runChildAndKill(project, eventsBeforeKill);
            resumes += existed ? 1 : 0;
            if (finished) {
                break;
            }
            killed++;
            if (!Files.exists(project.resolve(ProjectStore.PROJECT_FILE))) {
                // killed while creating: no half project, only the staging folder may remain
                assertFalse(Files.exists(project), "a project folder without project.json after a kill");
                continue;
            }
            List<String> journaled = checkProject(project, referenceLedger);
            assertTrue(journaled.size() >= journaledBefore, "journal shrank from " + journaledBefore + " to "
                    + journaled.size());
            journaledBefore = journaled.size();
        }
        System.out.println("crash test: " + killed + " kills, " + resumes + " resumed runs, " + journaledBefore
                + " of " + referenceLedger.size() + " samples journaled before the last run");
        assertTrue(killed >= KILLS / 2, "most attempts should be killed before the run ends, were " + killed);
        assertTrue(resumes >= 3, "several kills should hit a resumed run, were " + resumes);

        assertTrue(runChildAndKill(project, Integer.MAX_VALUE), "the last run finishes");
        assertEquals(referenceLedger, ledgerWithoutTimes(project), "ledger after crashes and resumes");
        try (ProjectStore crashed = ProjectStore.open(project); ProjectStore clean = ProjectStore.open(reference)) {
            LabelStore a = crashed.readLabels();
            LabelStore b = clean.readLabels();
            for (int f = 0; f < CrashableAnnotationRun.FRAMES; f++) {
                assertArrayEquals(b.human(f).ids(), a.human(f).ids(), "human labels of frame " + f);
                assertArrayEquals(b.auto(f).ids(), a.auto(f).ids(), "automatic labels of frame " + f);
            }
        }
    }

    /** @return true when the child finished on its own before {@code eventsBeforeKill} events */
    private static boolean runChildAndKill(Path project, int eventsBeforeKill) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", childClassPath(),
                CrashableAnnotationRun.class.getName(), project.toString());
        builder.redirectErrorStream(true);
        Process child = builder.start();
        List<String> output = new ArrayList<>();
        boolean finished = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            int events = 0;
            String line;
            while (events < eventsBeforeKill && (line = lines.readLine()) != null) {
                output.add(line);
                if (line.equals("done")) {
                    finished = true;
                    break;
                }
                if (line.startsWith("chosen") || line.startsWith("annotated")) {
                    events++;
                }
            }
            if (!finished) {
                child.destroyForcibly();
            }
        }
        if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("child did not end within " + CHILD_TIMEOUT_SECONDS + " s: " + output);
        }
        if (finished || eventsBeforeKill == Integer.MAX_VALUE) {
            assertEquals(0, child.exitValue(), "child failed: " + output);
            return finished;
        }
        return false;
    }

    /**
     * The project opens; its journal is a prefix of the reference run's; every journaled sample's pixels
     * hold the truth in the human label files; other human pixels lie in the one sample in hand.
     */
    private static List<String> checkProject(Path folder, List<String> referenceLedger) throws IOException {
        List<String> journaled = ledgerWithoutTimes(folder);
        assertTrue(journaled.size() <= referenceLedger.size(), "more samples than the uncrashed run");
        assertEquals(referenceLedger.subList(0, journaled.size()), journaled, "journal is the reference's prefix");
        try (ProjectStore store = ProjectStore.open(folder)) {
            LabelStore labels = store.readLabels();
            Journal.Content content = store.journalContent();
            boolean[][] covered = new boolean[CrashableAnnotationRun.FRAMES][SyntheticScene.WIDTH * SyntheticScene.HEIGHT];
            for (LedgerEntry entry : content.samples()) {
                LabelImage truth = SyntheticScene.truth(entry.sample().frameIndex());
                byte[] human = labels.human(entry.sample().frameIndex()).ids();
                for (int pixel : entry.sample().region().pixelIndices(SyntheticScene.WIDTH)) {
                    assertEquals(truth.ids()[pixel], human[pixel], "journaled sample " + entry.sample()
                            + " lost its label at pixel " + pixel);
                    covered[entry.sample().frameIndex()][pixel] = true;
                }
            }
            Set<Sample> inHand = new LinkedHashSet<>();
            int last = content.lastRound();
            List<Sample> chosen = content.chosenByRound().getOrDefault(last, List.of());
            for (int f = 0; f < CrashableAnnotationRun.FRAMES; f++) {
                byte[] human = labels.human(f).ids();
                for (int pixel = 0; pixel < human.length; pixel++) {
                    if (human[pixel] != (byte) LabelImage.UNLABELED && !covered[f][pixel]) {
                        int frame = f;
                        int x = pixel % SyntheticScene.WIDTH;
                        int y = pixel / SyntheticScene.WIDTH;
                        Sample owner = chosen.stream()
                                .filter(s -> s.frameIndex() == frame && s.region().contains(x, y, SyntheticScene.WIDTH))
                                .findFirst().orElse(null);
                        assertTrue(owner != null, "human label at frame " + f + " pixel " + pixel
                                + " belongs to no journaled or chosen sample");
                        inHand.add(owner);
                    }
                }
            }
            assertTrue(inHand.size() <= 1, "labels of more than the sample in hand are unjournaled: " + inHand);
        }
        return journaled;
    }

    /** The journal's samples as comparable text: round, frame, region, clicks. */
    private static List<String> ledgerWithoutTimes(Path folder) throws IOException {
        try (ProjectStore store = ProjectStore.open(folder)) {
            Gson gson = new Gson();
            return store.ledgerEntries().stream().map(e -> e.round() + " " + e.sample().frameIndex() + " "
                    + gson.toJson(JournalJson.describe(e.sample().region())) + " " + e.clicks()).toList();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where the classes the child needs come from: this fragment, io, core, equinox.common (and the OSGi classes SubMonitor touches), gson. */
    static String childClassPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(CrashableAnnotationRun.class, ProjectStore.class, AnnotationLoop.class,
                SubMonitor.class, org.eclipse.osgi.service.debug.DebugOptionsListener.class, Gson.class)) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
