package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.run.ProjectCopy;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy timings in docs/team.md: a demo-sized project (120 frames of 180x320, every frame labelled by hand
 * and by the model, 120 journaled samples) copied to the server and back. Only the journal's equality is
 * asserted; it runs when {@code FRAMELOOP_FIGURES=1} is set.
 */
@EnabledIfEnvironmentVariable(named = "FRAMELOOP_FIGURES", matches = "1")
class CopyFiguresTest {

    private static final int FRAMES = 120;

    @TempDir
    Path temp;

    @Test
    void aDemoSizedProjectToTheServerAndBack() throws Exception {
        TestServer server = TestServer.get();
        server.person(TeamProject.OWNER, true);
        SyntheticVideo video = new SyntheticVideo(SyntheticVideoSpec.of(320, 180, FRAMES, 3L,
                SyntheticVideoSpec.Style.TARGET));
        Path folder = temp.resolve("demo");
        try (ProjectStore store = ProjectStore.create(folder, new VideoInfo(video.name(), null, FRAMES, 320, 180),
                video.labelMap(), Map.of())) {
            LabelStore labels = new LabelStore(FRAMES, 320, 180);
            Region whole = new Region.WholeFrame(320, 180);
            List<Sample> samples = new ArrayList<>();
            for (int f = 0; f < FRAMES; f++) {
                samples.add(new Sample(f, whole));
            }
            store.journalChosen(1, samples);
            for (int f = 0; f < FRAMES; f++) {
                labels.putHuman(f, whole, video.groundTruth(f));
                labels.putAuto(f, video.groundTruth((f + 1) % FRAMES));
                store.writeHumanLabels(f, labels, video.labelMap());
                store.journal(new LedgerEntry(1, samples.get(f), 40, 12.5, "simulated", 1_700_000_000_000L + f));
            }
            store.replaceAutoLabels(1, labels);
        }
        String address = server.location(TestServer.newProjectName("figures"), TeamProject.OWNER);
        Path back = temp.resolve("back");
        server.withPasswordFileAtHome(() -> {
            ProjectCopy.Copied there = ProjectCopy.copy(folder.toString(), address);
            ProjectCopy.Copied returned = ProjectCopy.copy(address, back.toString());
            System.out.println(String.format(Locale.ROOT, "COPY FIGURES: %d frames of 320x180, %d journal records, "
                    + "%.1f MB of label PNGs; folder -> database: read %d ms + write %d ms; database -> folder: read "
                    + "%d ms + write %d ms", there.frames(), there.journalRecords(), megabytes(folder.resolve("labels")),
                    there.readMillis(), there.writeMillis(), returned.readMillis(), returned.writeMillis()));
            return null;
        });
        assertEquals(Files.readString(folder.resolve(ProjectStore.LEDGER_FILE)),
                Files.readString(back.resolve(ProjectStore.LEDGER_FILE)));
    }

    private static double megabytes(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }
}
