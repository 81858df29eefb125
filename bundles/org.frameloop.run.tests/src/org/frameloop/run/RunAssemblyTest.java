package org.frameloop.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginFailure;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.Video;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Annotator;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run, as the command line, the IDE and the bench put it together; this runtime has no U-Net installed. */
class RunAssemblyTest {

    private static final LabelMap MAP = new LabelMap(
            List.of(new LabelClass(0, "road", 0x804080), new LabelClass(1, "car", 0x400080)), OptionalInt.empty());
    private static final int FRAMES = 6;

    private final PluginRegistry registry = PluginRegistry.ofPlatform();

    @TempDir
    Path temp;

    @Test
    void withoutTheNetworkEveryRoleGetsItsDefaultAndPropagationGetsNoFusion() {
        assertEquals(new RunPlugins(PluginChoice.of("propagation"), PluginChoice.of("frame"), PluginChoice.of("coverage"),
                PluginChoice.of("dis"), PluginChoice.of("polygon"), PluginChoice.of(PluginChoice.NONE)),
                DefaultPlugins.all(registry));
        assertEquals("evidence", DefaultPlugins.fusionId(registry, "unet"), "any model but propagation is fused");
    }

    @Test
    void aWrongParameterFailsBeforeAnythingIsMade() {
        RunPlugins plugins = new RunPlugins(PluginChoice.of("propagation"), new PluginChoice("rect", Map.of("sizePx", "-3")),
                PluginChoice.of("coverage"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
                PluginChoice.of(PluginChoice.NONE));
        assertThrows(ContributionException.class, () -> RunAssembly.create(registry, plugins));
    }

    @Test
    void aProjectRunJournalsEveryRoundWritesItsLabelsAndALaterRunContinuesIt() throws Exception {
        Fixture fixture = fixture();
        Path folder = fixture.folder();
        RunPlugins plugins = fixture.plugins();
        LoopSettings oneRound = fixture.oneRound();
        Video video = fixture.video();
        ImageSequenceLabels truth = fixture.truth();
        VideoInfo info = fixture.info();

        try (ProjectStore store = ProjectStore.create(folder, info, MAP, Map.of("note", "test"));
                RunAssembly run = RunAssembly.create(registry, plugins)) {
            VideoSession session = RunAssembly.openProject(registry, store, video, plugins.flow(), truth);
            run.journalTo(store, null).loop(session, oneRound, run.simulatedAnnotator(session));
            LoopResult result = run.run(null);

            assertEquals(2, result.rounds().size(), "round 0 and one annotated round");
            assertEquals(2, store.roundReports().size(), "every round journaled");
            assertEquals(1, store.ledgerEntries().size(), "one sample per round");
            assertEquals(FRAMES, files(folder.resolve("labels").resolve("auto")), "every frame's automatic labels");
            assertEquals(1, files(folder.resolve("labels").resolve("human")));
            assertFalse(files(folder.resolve("model")) == 0, "the model's checkpoint");
        }

        try (ProjectStore store = ProjectStore.open(folder); RunAssembly run = RunAssembly.create(registry, plugins)) {
            VideoSession session = RunAssembly.openProject(registry, store, video, plugins.flow(), truth);
            assertEquals(1, session.ledger().size(), "the journaled samples are restored");
            run.journalTo(store, null).loop(session, oneRound.withMaxRounds(2), run.simulatedAnnotator(session));
            LoopResult result = run.run(null);

            assertEquals(List.of(1, 2), result.rounds().stream().map(r -> r.round()).toList(),
                    "the reopened project continues after its last round: " + result.stopReason());
            assertEquals(2, store.ledgerEntries().size(), "nothing journaled twice");
            assertTrue(run.notes().isEmpty(), "the saved checkpoint was usable: " + run.notes());
        }
    }

    /**
     * A reopened project whose checkpoint was saved after its current labels goes on without fine-tuning
     * first; once the note beside the checkpoint disagrees with the labels, it fine-tunes as before.
     */
    @Test
    void aCheckpointSavedAfterTheCurrentLabelsSavesTheFineTuningOnReopen() throws Exception {
        Fixture fixture = fixture();
        Path folder = fixture.folder();
        RunPlugins plugins = fixture.plugins();
        LoopSettings oneRound = fixture.oneRound();
        Video video = fixture.video();
        ImageSequenceLabels truth = fixture.truth();
        VideoInfo info = fixture.info();
        try (ProjectStore store = ProjectStore.create(folder, info, MAP, Map.of("note", "test"))) {
            assertEquals(1, run(store, plugins, video, truth, oneRound), "round 1 fine-tunes once");
        }
        Path state = folder.resolve(RunAssembly.CHECKPOINT_STATE);
        assertTrue(Files.readString(state).contains("\"samples\": 1"), Files.readString(state));

        try (ProjectStore store = ProjectStore.open(folder)) {
            assertEquals(1, run(store, plugins, video, truth, oneRound.withMaxRounds(2)),
                    "only round 2 fine-tunes: the checkpoint already knew the labels");
        }
        Files.writeString(state, Files.readString(state).replace("\"samples\": 2", "\"samples\": 7"));
        try (ProjectStore store = ProjectStore.open(folder)) {
            assertEquals(1, run(store, plugins, video, truth, oneRound.withMaxRounds(2)),
                    "a note that disagrees with the labels: fine-tuned before anything else, no round left");
        }
    }

    /**
     * An extra sample labelled while the model fine-tunes is journaled in that round and counted once; the
     * checkpoint note leaves it out (the model did not learn it), so the reopened project fine-tunes first.
     */
    @Test
    void aSampleLabelledWhileTheModelFineTunesIsJournaledInItsRoundAndLearntAfterReopening() throws Exception {
        Fixture fixture = fixture();
        try (ProjectStore store = ProjectStore.create(fixture.folder(), fixture.info(), MAP, Map.of());
                RunAssembly run = RunAssembly.create(registry, fixture.plugins())) {
            KeepsAdaptation model = new KeepsAdaptation(run.model());
            run.observeModel(m -> model);
            VideoSession session = RunAssembly.openProject(registry, store, fixture.video(), fixture.plugins().flow(),
                    fixture.truth());
            Annotator truth = run.simulatedAnnotator(session);
            List<Annotator.ExtraSamples> offers = new java.util.ArrayList<>();
            Annotator person = new Annotator() {
                @Override
                public Annotation annotate(Sample sample, AnnotatedVideo video) {
                    return truth.annotate(sample, video);
                }

                @Override
                public void modelWorking(ExtraSamples extra) {
                    offers.add(extra);
                }
            };
            model.whileFineTuning = () -> offers.forEach(
                    offer -> offer.samples().forEach(s -> assertTrue(offer.label(s, truth.annotate(s, session)))));
            run.journalTo(store, null).loop(session, fixture.oneRound(), person).offerWhileAdapting(1);
            run.run(null);

            List<LedgerEntry> journaled = store.ledgerEntries();
            assertEquals(List.of(1, 1), journaled.stream().map(LedgerEntry::round).toList(),
                    "the chosen sample and the extra one, both in round 1");
            assertEquals(2, journaled.stream().map(LedgerEntry::sample).distinct().count());
            RoundReport round1 = store.roundReports().stream().filter(r -> r.round() == 1).findFirst().orElseThrow();
            assertEquals(2, round1.samples().size());
            assertEquals(journaled.stream().mapToLong(LedgerEntry::clicks).sum(), round1.roundClicks());
            String note = Files.readString(fixture.folder().resolve(RunAssembly.CHECKPOINT_STATE));
            assertTrue(note.contains("\"samples\": 1"), "the model learnt the chosen sample only: " + note);
        }
        try (ProjectStore store = ProjectStore.open(fixture.folder())) {
            assertEquals(1, run(store, fixture.plugins(), fixture.video(), fixture.truth(), fixture.oneRound()),
                    "no round left, but the extra sample is learnt before the model predicts");
            assertEquals(List.of(1, 1), store.ledgerEntries().stream().map(LedgerEntry::round).toList());
        }
    }

    /** Runs a project's loop with a model whose checkpoint keeps its adaptation; returns its fine-tunings. */
    private int run(ProjectStore store, RunPlugins plugins, Video video, ImageSequenceLabels truth,
            LoopSettings settings) throws Exception {
        try (RunAssembly run = RunAssembly.create(registry, plugins)) {
            KeepsAdaptation model = new KeepsAdaptation(run.model());
            run.observeModel(m -> model);
            VideoSession session = RunAssembly.openProject(registry, store, video, plugins.flow(), truth);
            run.journalTo(store, null).loop(session, settings, run.simulatedAnnotator(session));
            run.run(null);
            return model.fineTunings;
        }
    }

    /**
     * Stands in for a network whose checkpoint holds its weights: flow propagation rebuilds its labels
     * from the human ones, so after {@link #load} it is primed here, out of the loop's count.
     */
    private static final class KeepsAdaptation implements SegmentationModel {
        private final SegmentationModel model;
        private boolean restored;
        int fineTunings;
        /** What a person does while the model fine-tunes (run as it starts). */
        Runnable whileFineTuning = () -> {
        };

        KeepsAdaptation(SegmentationModel model) {
            this.model = model;
        }

        @Override
        public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
            fineTunings++;
            whileFineTuning.run();
            restored = false;
            model.fineTune(video, monitor);
        }

        @Override
        public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
            if (restored) {
                restored = false;
                model.fineTune(video, null);
            }
            return model.predict(video, frameIndex);
        }

        @Override
        public void save(Path directory) throws IOException {
            model.save(directory);
        }

        @Override
        public void load(Path directory) throws IOException {
            model.load(directory);
            restored = true;
        }

        @Override
        public boolean checkpointKeepsAdaptation() {
            return true;
        }

        @Override
        public void close() {
            model.close();
        }
    }

    @Test
    void aSelectorThatThrowsIsNamedAndTheDefaultSelectorChoosesThatRoundWithAWarningInItsReport() throws Exception {
        RunPlugins plugins = new RunPlugins(PluginChoice.of("propagation"), PluginChoice.of("frame"),
                PluginChoice.of("test-throwing-selector"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
                PluginChoice.of(PluginChoice.NONE));
        Path frames = tinyVideo();
        Video video = ImageSequenceVideo.open(frames);
        ImageSequenceLabels truth = ImageSequenceLabels.open(frames.resolve("gt"), video, MAP);
        VideoInfo info = new VideoInfo(video.name(), frames.toString(), FRAMES, video.width(), video.height());

        try (ProjectStore store = ProjectStore.create(temp.resolve("project"), info, MAP, Map.of());
                RunAssembly run = RunAssembly.create(registry, plugins)) {
            VideoSession session = RunAssembly.openProject(registry, store, video, plugins.flow(), truth);
            run.journalTo(store, null).loop(session, LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(2)
                    .withTargetMiou(1.0), run.simulatedAnnotator(session));
            LoopResult result = run.run(null);

            assertEquals(3, result.rounds().size(), "the run went on: " + result.stopReason());
            List<String> warnings = result.rounds().get(1).warnings();
            assertEquals(1, warnings.size(), warnings.toString());
            String warning = warnings.get(0);
            assertTrue(warning.startsWith("selector 'test-throwing-selector' from org.frameloop.run"), warning);
            assertTrue(warning.contains("failed in round 1 (IllegalStateException: deliberately broken)"), warning);
            assertTrue(warning.contains("the default selector 'coverage' from org.frameloop.select chose"), warning);
            assertEquals(1, result.rounds().get(1).samples().size(), "the default selector's sample was annotated");
            assertEquals(warnings, store.roundReports().get(1).warnings(), "the warning is journaled with the round");
        }
    }

    @Test
    void aModelThatThrowsStopsTheRunWithAMessageNamingItsIdAndBundle() throws Exception {
        RunPlugins plugins = new RunPlugins(PluginChoice.of("test-throwing-model"), PluginChoice.of("frame"),
                PluginChoice.of("coverage"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
                PluginChoice.of(PluginChoice.NONE));
        Path frames = tinyVideo();
        Video video = ImageSequenceVideo.open(frames);
        VideoInfo info = new VideoInfo(video.name(), frames.toString(), FRAMES, video.width(), video.height());

        try (ProjectStore store = ProjectStore.create(temp.resolve("project"), info, MAP, Map.of());
                RunAssembly run = RunAssembly.create(registry, plugins)) {
            VideoSession session = RunAssembly.openProject(registry, store, video, plugins.flow(),
                    ImageSequenceLabels.open(frames.resolve("gt"), video, MAP));
            run.journalTo(store, null).loop(session, LoopSettings.defaults(), run.simulatedAnnotator(session));

            PluginFailure failure = assertThrows(PluginFailure.class, () -> run.run(null));

            assertEquals("test-throwing-model", failure.contributionId());
            assertTrue(failure.getMessage().startsWith("model 'test-throwing-model' from org.frameloop.run"),
                    failure.getMessage());
            assertTrue(failure.getMessage().endsWith("failed in predict: IllegalStateException: deliberately broken"),
                    failure.getMessage());
        }
    }

    /** A project folder to be, on the tiny video, run with propagation and one keyframe a round. */
    private record Fixture(Path folder, RunPlugins plugins, LoopSettings oneRound, Video video,
            ImageSequenceLabels truth, VideoInfo info) {
    }

    private Fixture fixture() throws IOException {
        Path frames = tinyVideo();
        RunPlugins plugins = new RunPlugins(PluginChoice.of("propagation"), PluginChoice.of("frame"),
                PluginChoice.of("uniform-keyframes"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
                PluginChoice.of(PluginChoice.NONE));
        Video video = ImageSequenceVideo.open(frames);
        return new Fixture(temp.resolve("project"), plugins,
                LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(1).withTargetMiou(1.0), video,
                ImageSequenceLabels.open(frames.resolve("gt"), video, MAP),
                new VideoInfo(video.name(), frames.toString(), FRAMES, video.width(), video.height()));
    }

    private static long files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }

    /** 6 frames of 32×48: a bright box sliding right over a dark gradient; box = class 1. */
    private Path tinyVideo() throws IOException {
        Path dir = temp.resolve("video");
        for (int t = 0; t < FRAMES; t++) {
            RgbImage frame = RgbImage.blank(48, 32);
            LabelImage labels = LabelImage.unlabeled(48, 32);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 48; x++) {
                    boolean box = x >= 8 + 3 * t && x < 20 + 3 * t && y >= 10 && y < 22;
                    int texture = ((x * 7 + y * 13) % 17) * 4;
                    frame.set(x, y, box ? 200 - texture : 30 + x + texture, box ? 180 : 40 + y, 60 + texture);
                    labels.set(x, y, box ? 1 : 0);
                }
            }
            ImageCodec.writeRgb(dir.resolve(String.format("%06d.png", t)), frame);
            ImageCodec.writeLabels(dir.resolve("gt").resolve(String.format("%06d.png", t)), labels, MAP);
        }
        return dir;
    }
}
