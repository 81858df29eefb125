package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static final LoopSettings SETTINGS = LoopSettings.defaults().withSamplesPerRound(5).withMaxRounds(3)
            .withTargetMiou(1.0);

    private final PluginRegistry registry = PluginRegistry.ofPlatform();

    @TempDir
    Path temp;

    @Test
    void twoAnnotatorsAndTheTrainerLabelRoundAfterRoundEverySampleExactlyOnce() throws Exception {
        TeamProject team = TeamProject.create("serve");
        Served served = serve(team);
        LoopResult result = served.result();
        List<LedgerEntry> byTheTeam = served.byTheTeam();
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
    }

    /**
     * The "same final labels as the single-user run on the same seed": the same video and plugins run
     * once by the trainer with two annotators and once by one simulated annotator in a project folder
     * ({@code frameloop run}) choose the same samples in every round and end with the same human and automatic
     * labels in every frame.
     */
    @Test
    void theTeamEndsWithTheSameSamplesAndLabelsAsTheSingleUserRunOnTheSameSeed() throws Exception {
        TeamProject team = TeamProject.create("serve-same");
        LoopResult byTheTeam = serve(team).result();
        Path folder = temp.resolve("single-user");
        LoopResult byOne;
        try (Project store = ProjectStore.create(folder, new VideoInfo(team.video.name(), null, TeamProject.FRAMES,
                TeamProject.WIDTH, TeamProject.HEIGHT), team.video.labelMap(), Map.of(), "test");
                RunAssembly run = RunAssembly.create(registry, PLUGINS)) {
            VideoSession session = RunAssembly.openProject(registry, store, team.video, PLUGINS.flow(),
                    team.video.groundTruthSequence());
            run.journalTo(store, null).loop(session, SETTINGS, run.simulatedAnnotator(session));
            byOne = run.run(null);
        }

        assertEquals(List.of(0, 1, 2, 3), byOne.rounds().stream().map(RoundReport::round).toList(), "" + byOne.stopReason());
        assertEquals(List.of(0, 1, 2, 3), byTheTeam.rounds().stream().map(RoundReport::round).toList(),
                "" + byTheTeam.stopReason());
        try (PostgresProjectStore teamStore = team.open(TeamProject.REVIEWER);
                ProjectStore singleStore = ProjectStore.openReadOnly(folder)) {
            List<LedgerEntry> singleJournal = singleStore.ledgerEntries();
            assertEquals(15, singleJournal.size());
            for (int round = 1; round <= 3; round++) {
                int r = round;
                assertEquals(singleJournal.stream().filter(e -> e.round() == r).map(LedgerEntry::sample).toList(),
                        teamStore.chosen(round), "the samples chosen for round " + round);
            }
            LabelStore teamLabels = teamStore.readLabels();
            LabelStore singleLabels = singleStore.readLabels();
            for (int f = 0; f < TeamProject.FRAMES; f++) {
                assertArrayEquals(singleLabels.human(f).ids(), teamLabels.human(f).ids(), "human labels, frame " + f);
                assertArrayEquals(singleLabels.auto(f).ids(), teamLabels.auto(f).ids(), "automatic labels, frame " + f);
            }
        }
    }

    /** What the trainer reported, and what the annotators stored. */
    private record Served(LoopResult result, List<LedgerEntry> byTheTeam) {
    }

    /** The trainer on {@code team} with alice and bob labelling from the ground truth, each in their own thread. */
    private Served serve(TeamProject team) throws Exception {
        AtomicBoolean trainerDone = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<LoopResult> trainer = pool.submit(() -> {
                try (PostgresProjectStore store = team.open(TeamProject.OWNER);
                        RunAssembly run = RunAssembly.create(registry, PLUGINS)) {
                    VideoSession session = RunAssembly.openProject(registry, store, team.video, PLUGINS.flow(), null);
                    TeamAnnotator annotators = new TeamAnnotator(store, Duration.ofSeconds(5), () -> false);
                    AnnotationLoop loop = run.journalTo(store, null).loop(session, SETTINGS, annotators);
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
            return new Served(result, byTheTeam);
        } finally {
            pool.shutdownNow();
        }
    }
}
