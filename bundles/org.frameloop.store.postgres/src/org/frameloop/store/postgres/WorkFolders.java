package org.frameloop.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a database project keeps its derived data on this machine (the optical flow cache, the model
 * checkpoint while a model uses it): {@code $XDG_CACHE_HOME/frameloop/projects/HOST_PORT_DATABASE_PROJECT}
 * ({@code ~/.cache} when XDG_CACHE_HOME is not set), or under the folder named by the system property
 * {@value #ROOT_PROPERTY}. Nothing in it is the only copy: deleting it costs recomputation only.
 */
public final class WorkFolders {

    /** A system property naming the folder that holds every project's work folder (tests use their build folder). */
    public static final String ROOT_PROPERTY = "frameloop.projectCache";

    private WorkFolders() {
    }

    static Path of(ProjectAddress address) {
        return root().resolve(safe(address.host() + "_" + address.port() + "_" + address.database() + "_"
                + address.project()));
    }

    private static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("frameloop").resolve("projects");
    }

    /** A name any file system takes: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
