package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;
import org.junit.jupiter.api.Test;

/**
 * The trainer ({@code frameloop serve}: the loop with the team as its annotator, {@link TeamAnnotator}) and two
 * annotators in their own threads, each on their own connection, on a generated video: the trainer chooses a
 * round's samples, the team leases and labels them, the trainer wakes (LISTEN/NOTIFY), fine-tunes, writes the
 * automatic labels and chooses the next round.
 */
class TrainerTest {

    private static final RunPlugins PLUGINS = new RunPlugins(PluginChoice.of("propagation"),
            new PluginChoice("rect", Map.of("sizePx", "16")), PluginChoice.of("coverage"), PluginChoice.of("dis"),
            PluginChoice.of("polygon"), PluginChoice.of(PluginChoice.NONE));

    @Test
    void twoAnnotatorsAndTheTrainerLabelRoundAfterRoundEverySampleExactlyOnce() throws Exception {
        TeamProject team = TeamProject.create("serve");
        PluginRegistry registry = PluginRegistry.ofPlatform();
        LoopSettings settings = LoopSettings.defaults().withSamplesPerRound(5).withMaxRounds(3).withTargetMiou(1.0);
        AtomicBoolean trainerDone = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<LoopResult> trainer = pool.submit(() -> {
                try (PostgresProjectStore store = team.open(TeamProject.OWNER);
                        RunAssembly run = RunAssembly.create(registry, PLUGINS)) {
                    VideoSession session = RunAssembly.openProject(registry, store, team.video, PLUGINS.flow(), null);
                    TeamAnnotator annotators = new TeamAnnotator(store, Duration.ofSeconds(5), () -> false);
                    AnnotationLoop loop = run.journalTo(store, null).loop(session, settings, annotators);
                    loop.addListener(annotators);
                    return run.run(null);
                } finally {
                    trainerDone.set(true);
                }
            });
            List<Future<List<LedgerEntry>>> clients = new ArrayList<>();
            for (String person : List.of(TeamProject.ANNOTATOR, TeamProject.OTHER_ANNOTATOR)) {
                PostgresProjectStore store = team.open(person);
                clients.add(pool.submit(() -> {
                    try (store) {
                        return new LabellingClient(store, team.video.groundTruthSequence(), Duration.ofMinutes(1),
                                trainerDone::get).call();
                    }
                }));
            }
            LoopResult result = trainer.get(180, TimeUnit.SECONDS);
            List<LedgerEntry> byTheTeam = new ArrayList<>();
            for (Future<List<LedgerEntry>> client : clients) {
                byTheTeam.addAll(client.get(60, TimeUnit.SECONDS));
            }

            assertEquals(List.of(0, 1, 2, 3), result.rounds().stream().map(RoundReport::round).toList(),
                    "the rounds advance: " + result.stopReason());
            try (PostgresProjectStore rita = team.open(TeamProject.REVIEWER)) {
                List<LedgerEntry> journal = rita.ledgerEntries();
                int chosen = 0;
                for (int round = 1; round <= 4; round++) {
                    chosen += rita.chosen(round).size();
                }
                assertEquals(chosen, journal.size(), "every chosen sample labelled");
                assertEquals(byTheTeam.size(), journal.size(), "each by one annotator, once");
                Set<String> distinct = new HashSet<>();
                for (LedgerEntry entry : journal) {
                    distinct.add(entry.round() + "/" + entry.sample());
                }
                assertEquals(journal.size(), distinct.size(), "no sample labelled twice");
                assertEquals(0, rita.leases().openSamples());
                assertEquals(List.of(0, 1, 2, 3), rita.roundReports().stream().map(RoundReport::round).toList());
                rita.labels().requireEveryFrameLabelled(); // the trainer wrote every frame's automatic labels
                for (LedgerEntry entry : journal) {
                    int frame = entry.sample().frameIndex();
                    LabelImage stored = rita.humanLabels(frame);
                    LabelImage truth = team.video.groundTruth(frame);
                    for (int pixel : entry.sample().region().pixelIndices(TeamProject.WIDTH)) {
                        assertEquals(truth.ids()[pixel], stored.ids()[pixel], "frame " + frame + " pixel " + pixel);
                    }
                }
                assertArrayEquals(result.rounds().stream().skip(1).mapToInt(r -> r.samples().size()).toArray(),
                        new int[] { 5, 5, 5 }, "the trainer annotated each round's samples through the team");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
