package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.JournalJson;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

/** Samples leased to one annotator at a time, against a real server: nothing lost, nothing labelled twice. */
class SampleLeasesTest {

    private static final Duration LONG_LEASE = Duration.ofMinutes(5);

    @Test
    void twoAnnotatorsAtOnceLabelEveryChosenSampleExactlyOnceWithTheirNameOnIt() throws Exception {
        TeamProject team = TeamProject.create("two-annotators");
        List<Sample> chosen = TeamProject.rectangles(40);
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            trainer.journalChosen(1, chosen);
        }
        List<LedgerEntry> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR);
                PostgresProjectStore bob = team.open(TeamProject.OTHER_ANNOTATOR)) {
            Future<List<LedgerEntry>> byAlice = pool.submit(new LabellingClient(alice, team.video.groundTruthSequence(),
                    LONG_LEASE));
            Future<List<LedgerEntry>> byBob = pool.submit(new LabellingClient(bob, team.video.groundTruthSequence(),
                    LONG_LEASE));
            all.addAll(byAlice.get(120, TimeUnit.SECONDS));
            all.addAll(byBob.get(120, TimeUnit.SECONDS));
            byAlice.get().forEach(e -> assertEquals(TeamProject.ANNOTATOR, e.annotatorId()));
            byBob.get().forEach(e -> assertEquals(TeamProject.OTHER_ANNOTATOR, e.annotatorId()));
        } finally {
            pool.shutdownNow();
        }

        assertEquals(chosen.size(), all.size(), "samples stored by the two annotators together");
        assertEquals(new HashSet<>(chosen), new HashSet<>(all.stream().map(LedgerEntry::sample).toList()),
                "every chosen sample stored, none twice");
        try (PostgresProjectStore reviewer = team.open(TeamProject.REVIEWER)) {
            List<LedgerEntry> journal = reviewer.ledgerEntries();
            assertEquals(chosen.size(), journal.size(), "journal records");
            assertEquals(chosen.size(), new HashSet<>(journal.stream().map(LedgerEntry::sample).toList()).size());
            assertEquals(0, reviewer.leases().openSamples());
            assertHumanLabelsAreTheTruthInsideTheSamplesOnly(team, reviewer, chosen);
        }
    }

    @Test
    void aLiveLeaseIsNeverHandedToAnyoneElse() throws Exception {
        TeamProject team = TeamProject.create("live-lease");
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            trainer.journalChosen(1, TeamProject.rectangles(2));
        }
        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR);
                PostgresProjectStore bob = team.open(TeamProject.OTHER_ANNOTATOR);
                PostgresProjectStore aliceElsewhere = team.open(TeamProject.ANNOTATOR)) {
            SampleLeases.Lease first = alice.leases().next(LONG_LEASE).orElseThrow();
            SampleLeases.Lease second = bob.leases().next(LONG_LEASE).orElseThrow();
            assertNotEquals(first.sample(), second.sample());
            assertTrue(aliceElsewhere.leases().next(LONG_LEASE).isEmpty(), "alice's second client gets no held sample");
            assertTrue(bob.leases().next(LONG_LEASE).isEmpty());

            bob.leases().release(second);
            assertEquals(second.sample(), aliceElsewhere.leases().next(LONG_LEASE).orElseThrow().sample(),
                    "a sample given back goes to the next who asks");
        }
    }

    @Test
    void anAnnotatorKilledMidSampleLosesTheLeaseAndTheOtherLabelsItNothingLostNothingTwice() throws Exception {
        TeamProject team = TeamProject.create("killed-annotator");
        List<Sample> chosen = TeamProject.rectangles(6);
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            trainer.journalChosen(1, chosen);
        }
        Sample abandoned = leaseInAChildProcessAndKillIt(team, Duration.ofSeconds(2));

        List<LedgerEntry> byBob;
        try (PostgresProjectStore bob = team.open(TeamProject.OTHER_ANNOTATOR)) {
            byBob = new LabellingClient(bob, team.video.groundTruthSequence(), LONG_LEASE).call();
        }
        assertEquals(new HashSet<>(chosen), new HashSet<>(byBob.stream().map(LedgerEntry::sample).toList()),
                "bob labelled every sample, the killed client's too, once its lease ran out");
        assertEquals(chosen.size(), byBob.size());
        assertTrue(byBob.stream().anyMatch(e -> e.sample().equals(abandoned)));

        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR)) {
            SampleLeases.Lease stale = new SampleLeases.Lease(1, chosen.indexOf(abandoned), abandoned,
                    java.time.Instant.now());
            LabelImage scribble = LabelImage.unlabeled(TeamProject.WIDTH, TeamProject.HEIGHT);
            java.util.Arrays.fill(scribble.ids(), (byte) 0);
            LeaseLostException late = assertThrows(LeaseLostException.class,
                    () -> alice.leases().submit(stale, scribble, 1, 1));
            assertTrue(late.getMessage().contains("lease ran out"), late.getMessage());
            assertEquals(chosen.size(), alice.ledgerEntries().size(), "the late labels left no journal record");
            assertHumanLabelsAreTheTruthInsideTheSamplesOnly(team, alice, chosen);
        }
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTermAndALostOneCannotBeRenewed() throws Exception {
        TeamProject team = TeamProject.create("renew");
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            trainer.journalChosen(1, TeamProject.rectangles(1));
        }
        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR);
                PostgresProjectStore bob = team.open(TeamProject.OTHER_ANNOTATOR)) {
            SampleLeases.Lease lease = alice.leases().next(Duration.ofMinutes(1)).orElseThrow();
            SampleLeases.Lease renewed = alice.leases().renew(lease, Duration.ofMinutes(10));
            assertTrue(renewed.until().isAfter(lease.until()));
            assertTrue(bob.leases().next(LONG_LEASE).isEmpty());

            alice.leases().submit(renewed, team.video.groundTruth(lease.sample().frameIndex()), 3, 2);
            assertThrows(LeaseLostException.class, () -> alice.leases().renew(renewed, LONG_LEASE),
                    "a labelled sample's lease is over");
        }
    }

    private static void assertHumanLabelsAreTheTruthInsideTheSamplesOnly(TeamProject team, PostgresProjectStore store,
            List<Sample> samples) throws Exception {
        for (int f = 0; f < TeamProject.FRAMES; f++) {
            byte[] expected = LabelImage.unlabeled(TeamProject.WIDTH, TeamProject.HEIGHT).ids();
            byte[] truth = team.video.groundTruth(f).ids();
            for (Sample sample : samples) {
                if (sample.frameIndex() == f) {
                    for (int pixel : sample.region().pixelIndices(TeamProject.WIDTH)) {
                        expected[pixel] = truth[pixel];
                    }
                }
            }
            assertArrayEquals(expected, store.humanLabels(f).ids(), "human labels of frame " + f);
        }
    }

    /**
     * Runs {@link LeaseHolder} in a child JVM, waits until it holds a lease, kills it with SIGKILL (no
     * goodbye to the server) and returns the sample it held.
     */
    private static Sample leaseInAChildProcessAndKillIt(TeamProject team, Duration lease) throws Exception {
        ProjectAddress address = team.server.address(team.name, TeamProject.ANNOTATOR);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp",
                childClassPath(team.server), LeaseHolder.class.getName(), address.toString(),
                Long.toString(lease.toMillis()));
        builder.environment().putAll(team.server.environment());
        builder.redirectErrorStream(true);
        Process child = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("leased ")) {
                    child.destroyForcibly(); // SIGKILL on Linux: the client dies mid-sample
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                    return new Sample(Integer.parseInt(line.split(" ")[1]), JournalJson.region(
                            new Gson().fromJson(line.split(" ", 3)[2], com.google.gson.JsonObject.class),
                            new org.frameloop.io.VideoInfo("v", null, TeamProject.FRAMES, TeamProject.WIDTH,
                                    TeamProject.HEIGHT)));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        throw new AssertionError("the child never held a lease; it said: " + String.join("\n", output));
    }

    /** The child's classes: this fragment and its host, io, core, gson, and the embedded PostgreSQL driver. */
    private static String childClassPath(TestServer server) throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(LeaseHolder.class, PostgresProjectStore.class, JournalJson.class,
                LabelImage.class, Gson.class)) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        entries.add(server.repository().resolve("bundles/org.frameloop.lib.postgres/lib/postgresql.jar").toString());
        assertFalse(entries.isEmpty());
        return String.join(File.pathSeparator, entries);
    }
}
