package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.io.ProjectException;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.run.ProjectCopy;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frameloop project copy FROM TO} between a folder and the real server: lossless both ways, refused
 * onto an existing project, and whole or not at all.
 */
class ProjectCopyTest {

    private static final RunPlugins PLUGINS = new RunPlugins(PluginChoice.of("propagation"), PluginChoice.of("rect"),
            PluginChoice.of("coverage"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
            PluginChoice.of(PluginChoice.NONE));

    @TempDir
    Path temp;

    @Test
    void aFolderCopiedToTheServerAndBackHasByteIdenticalLabelsJournalAndLabelMap() throws Exception {
        TestServer server = TestServer.get();
        server.person(TeamProject.OWNER, true);
        Path original = labelledFolder("original");
        List<String> lines = Files.readAllLines(original.resolve(ProjectStore.LEDGER_FILE));
        assertTrue(lines.get(lines.size() - 1).contains("\"kind\":\"import\""),
                "the fixture imports masks after its rounds, which the copy must keep in place");
        String address = server.location(TestServer.newProjectName("copy"), TeamProject.OWNER);
        Path back = temp.resolve("back");

        server.withPasswordFileAtHome(() -> {
            ProjectCopy.Copied there = ProjectCopy.copy(original.toString(), address);
            ProjectCopy.Copied returned = ProjectCopy.copy(address, back.toString());
            assertEquals(there.journalRecords(), returned.journalRecords());
            return null;
        });

        assertEquals(files(original.resolve("labels/human")).keySet(), files(back.resolve("labels/human")).keySet());
        assertSameBytes(files(original.resolve("labels/human")), files(back.resolve("labels/human")), "human labels");
        assertSameBytes(files(original.resolve("labels/auto")), files(back.resolve("labels/auto")), "automatic labels");
        assertSameBytes(files(original.resolve("model")), files(back.resolve("model")), "checkpoint");
        assertArrayEquals(Files.readAllBytes(original.resolve("labelmap.json")),
                Files.readAllBytes(back.resolve("labelmap.json")), "label map");
        assertEquals(Files.readString(original.resolve(ProjectStore.LEDGER_FILE)),
                Files.readString(back.resolve(ProjectStore.LEDGER_FILE)), "journal records, in order");
        try (ProjectStore a = ProjectStore.open(original); ProjectStore b = ProjectStore.open(back)) {
            assertEquals(a.ledgerEntries(), b.ledgerEntries());
            assertEquals(a.settings(), b.settings());
            assertEquals(a.video(), b.video());
            assertEquals(a.continuation(), b.continuation());
        }
        try (PostgresProjectStore store = server.open(TeamProject.nameOf(address), TeamProject.OWNER)) {
            assertTrue(store.ledgerEntries().stream().allMatch(e -> e.annotatorId().equals("simulated")),
                    "the folder's annotator is kept: " + store.ledgerEntries());
            assertEquals(0, store.leases().openSamples(), "every chosen sample of the folder was annotated");
        }
    }

    @Test
    void aCopyOntoAnExistingProjectIsRefusedAndChangesNothing() throws Exception {
        TeamProject team = TeamProject.create("copy-onto");
        Path original = labelledFolder("original");
        Path occupied = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine");
        team.server.withPasswordFileAtHome(() -> {
            IOException folder = assertThrows(ProjectException.class,
                    () -> ProjectCopy.copy(team.server.location(team.name, TeamProject.OWNER), occupied.toString()));
            assertTrue(folder.getMessage().contains("is not empty"), folder.getMessage());
            IOException database = assertThrows(DatabaseException.class,
                    () -> ProjectCopy.copy(original.toString(), team.server.location(team.name, TeamProject.OWNER)));
            assertTrue(database.getMessage().contains("exists already") && database.getMessage().contains(
                    "nothing was copied"), database.getMessage());
            return null;
        });
        assertEquals(List.of("notes.txt"), Files.list(occupied).map(p -> p.getFileName().toString()).toList());
        try (PostgresProjectStore store = team.open(TeamProject.OWNER)) {
            assertTrue(store.ledgerEntries().isEmpty(), "the existing project is untouched");
        }
    }

    /** The server refuses the copy's last step (a trigger stands in for a full disk): no part of it remains. */
    @Test
    void aCopyThatFailsHalfwayLeavesNoProjectBehind() throws Exception {
        TestServer server = TestServer.get();
        server.person(TeamProject.OWNER, true);
        Path original = labelledFolder("original");
        Files.writeString(original.resolve("model").resolve("refused-by-the-server"), "weights");
        String name = TestServer.newProjectName("copy-fails");
        try (Connection admin = server.administratorConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE OR REPLACE FUNCTION public.refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql "
                    + "AS $$ BEGIN IF NEW.file = 'refused-by-the-server' THEN RAISE EXCEPTION 'disk full (simulated)'; "
                    + "END IF; RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER refuse_checkpoint BEFORE INSERT ON frameloop.checkpoint_files "
                    + "FOR EACH ROW EXECUTE FUNCTION public.refuse_checkpoint()");
            try {
                IOException e = server.withPasswordFileAtHome(() -> assertThrows(IOException.class,
                        () -> ProjectCopy.copy(original.toString(), server.location(name, TeamProject.OWNER))));
                assertTrue(e.getMessage().contains("nothing was copied") && e.getMessage().contains("disk full"),
                        e.getMessage());
            } finally {
                statement.execute("DROP TRIGGER refuse_checkpoint ON frameloop.checkpoint_files");
            }
            for (String table : List.of("projects", "samples", "journal", "human_labels", "rounds")) {
                String column = table.equals("projects") ? "id" : "project_id";
                try (PreparedStatement count = admin.prepareStatement("SELECT count(*) FROM frameloop." + table
                        + " WHERE " + column + " IN (SELECT id FROM frameloop.projects WHERE name = ?)")) {
                    count.setString(1, name);
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        assertEquals(0, row.getInt(1), "rows left in frameloop." + table);
                    }
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT count(*) FROM frameloop.projects WHERE name = '" + name
                    + "'")) {
                row.next();
                assertEquals(0, row.getInt(1), "no project of that name");
            }
        }
    }

    /**
     * A folder project as the single-user loop leaves it: two rounds of rectangles labelled by the simulated
     * annotator, the automatic labels, the checkpoint, and a mask imported into a frame afterwards.
     */
    private Path labelledFolder(String name) throws Exception {
        SyntheticVideo video = new SyntheticVideo(SyntheticVideoSpec.of(TeamProject.WIDTH, TeamProject.HEIGHT,
                TeamProject.FRAMES, 11L, SyntheticVideoSpec.Style.TARGET));
        Path folder = temp.resolve(name);
        PluginRegistry registry = PluginRegistry.ofPlatform();
        try (ProjectStore store = ProjectStore.create(folder, new VideoInfo(video.name(), null, TeamProject.FRAMES,
                TeamProject.WIDTH, TeamProject.HEIGHT), video.labelMap(), Map.of("samplesPerRound", 3), "test");
                RunAssembly run = RunAssembly.create(registry, PLUGINS)) {
            VideoSession session = RunAssembly.openProject(registry, store, video, PLUGINS.flow(),
                    video.groundTruthSequence());
            run.journalTo(store, null).loop(session, LoopSettings.defaults().withSamplesPerRound(3).withMaxRounds(2)
                    .withTargetMiou(1.0), run.simulatedAnnotator(session));
            run.run(null);
            store.importHumanLabels(cornerOf(video, TeamProject.FRAMES - 1), "masks/corner", null);
        }
        assertFalse(files(folder.resolve("labels/human")).isEmpty());
        return folder;
    }

    /** Masks labelling the top-left 8x8 pixels of {@code frame} from the ground truth, nothing elsewhere. */
    private static LabelSequence cornerOf(SyntheticVideo video, int frame) {
        return new LabelSequence() {
            @Override
            public int frameCount() {
                return TeamProject.FRAMES;
            }

            @Override
            public int width() {
                return TeamProject.WIDTH;
            }

            @Override
            public int height() {
                return TeamProject.HEIGHT;
            }

            @Override
            public LabelImage labels(int f) {
                LabelImage mask = LabelImage.unlabeled(TeamProject.WIDTH, TeamProject.HEIGHT);
                if (f == frame) {
                    LabelImage truth = video.groundTruth(f);
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            mask.set(x, y, truth.id(x, y));
                        }
                    }
                }
                return mask;
            }
        };
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), what + ": " + name));
    }
}
