package org.frameloop.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelMapJsonTest {

    /** Deleted after each test, so runs leave nothing in the system temp folder. */
    @TempDir
    Path temporaryFolder;

    @Test
    void readsIdsNamesColoursAndTheIgnoreEntry() {
        LabelMap map = LabelMapJson.parse("""
                [{"id": 0, "name": "sky", "color": "#808080"},
                 {"id": 3, "name": "road", "color": [128, 64, 128]},
                 {"id": 11, "name": "void", "ignore": true}]""");

        assertEquals(2, map.classes().size());
        assertEquals(0x804080, map.byId(3).orElseThrow().rgb());
        assertEquals(11, map.ignoreId().getAsInt());
        assertEquals(4, map.idSpan());
    }

    @Test
    void writeThenReadGivesTheSameMap() throws IOException {
        LabelMap map = LabelMapJson.parse("[{\"id\": 2, \"name\": \"car\", \"color\": \"#400080\"},"
                + "{\"id\": 11, \"name\": \"void\", \"ignore\": true}]");
        Path file = Files.createTempDirectory(temporaryFolder, "map").resolve("labelmap.json");

        LabelMapJson.write(file, map);
        LabelMap read = LabelMapJson.read(file);

        assertEquals(map.classes(), read.classes());
        assertEquals(map.ignoreId(), read.ignoreId());
    }

    @Test
    void duplicateIdsAndBrokenJsonAreReportedWithTheFileName() throws IOException {
        Path dir = Files.createTempDirectory(temporaryFolder, "map");
        Path duplicate = dir.resolve("dup.json");
        Files.writeString(duplicate, "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}]");
        Path truncated = dir.resolve("cut.json");
        Files.writeString(truncated, "[{\"id\": 1, \"na");

        IOException first = assertThrows(IOException.class, () -> LabelMapJson.read(duplicate));
        IOException second = assertThrows(IOException.class, () -> LabelMapJson.read(truncated));

        assertTrue(first.getMessage().contains("dup.json") && first.getMessage().contains("appears twice"), first.getMessage());
        assertTrue(second.getMessage().contains("cut.json"), second.getMessage());
    }
}
