package org.frameloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and folder under a folder with the SHA-256 of each file: equal snapshots mean nothing changed. */
record FolderSnapshot(Map<String, String> entries) {

    static FolderSnapshot of(Path folder) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                entries.put(name, Files.isDirectory(path) ? "folder" : sha256(path));
            }
        }
        return new FolderSnapshot(entries);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
