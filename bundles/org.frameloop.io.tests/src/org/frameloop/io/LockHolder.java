package org.frameloop.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another process that writes a project, for {@link ProjectLockTest}: opens the project in {@code args[0]} for
 * writing as {@code args[1]}, prints "locked", holds it until a line (or the end) arrives on stdin, closes it
 * and prints "released". Plain Java on a class path, like {@link CrashableAnnotationRun}.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] arguments) throws IOException {
        try (ProjectStore store = ProjectStore.open(Path.of(arguments[0]), arguments[1])) {
            System.out.println("locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("released");
        System.out.flush();
    }
}
