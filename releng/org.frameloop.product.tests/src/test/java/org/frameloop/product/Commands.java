package org.frameloop.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Processes and folders for the product tests: commands with their output, copies, snapshots. */
final class Commands {

    /** A finished command: its exit code and its standard output and error, interleaved. */
    record Result(int exitCode, String output) {
        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private Commands() {
    }

    /** Runs {@code command} in {@code folder} with {@code environment} added; fails after {@code timeoutSeconds}. */
    static Result run(List<String> command, Path folder, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(folder, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(process.exitValue(), text);
    }

    /**
     * The environment a nested Maven build should not inherit from the one running this test: its base
     * directory and arguments would point the nested build at the outer reactor.
     */
    static Map<String, String> withoutOuterMavenSettings() {
        Map<String, String> removed = new HashMap<>();
        for (String name : List.of("MAVEN_BASEDIR", "MAVEN_PROJECTBASEDIR", "MAVEN_ARGS", "MAVEN_CMD_LINE_ARGS")) {
            removed.put(name, null);
        }
        return removed;
    }

    /** Copies a source folder without what a build left in it ({@code target/}, {@code bin/}). */
    static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(path);
                if (isBuildOutput(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target") || part.toString().equals("bin")) {
                return true;
            }
        }
        return false;
    }

    /** Every file and folder under {@code root}: relative path to size and modification time ("dir" for folders). */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    entries.put(root.relativize(path).toString(), attributes.isDirectory() ? "dir"
                            : attributes.size() + " bytes, modified " + attributes.lastModifiedTime());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return entries;
    }

    /** What changed from one {@link #snapshot} to another: path to "before -> after" ("none" where absent). */
    static Map<String, String> differences(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        before.forEach((path, entry) -> {
            if (!entry.equals(after.get(path))) {
                changed.put(path, entry + " -> " + after.getOrDefault(path, "none"));
            }
        });
        after.forEach((path, entry) -> {
            if (!before.containsKey(path)) {
                changed.put(path, "none -> " + entry);
            }
        });
        return changed;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
