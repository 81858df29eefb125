package org.frameloop.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.frameloop.bench.BenchMethod;
import org.frameloop.bench.CellResult;
import org.frameloop.core.internal.io.AtomicFiles;

import com.google.gson.JsonParseException;

/**
 * The bench's folder of runs: {@code cells/VIDEO/METHOD/result.json}, one folder per video and method.
 * A result is written atomically once its run has finished, so a folder either holds a complete result or
 * none; a rerun skips the finished ones. While a run is in progress its folder holds {@code running.lock},
 * created with an atomic create-if-absent, so two processes sharing the folder never run the same cell;
 * a lock left behind by a process that died on this host is taken over.
 */
public final class CellStore {

    static final String RESULT = "result.json";
    static final String LOCK = "running.lock";

    private final Path cells;

    public CellStore(Path outFolder) {
        this.cells = outFolder.resolve("cells");
    }

    public Path folder(String video, BenchMethod method) {
        return cells.resolve(video).resolve(method.key());
    }

    /**
     * @throws IOException naming the file when a result exists but cannot be read
     */
    public Optional<CellResult> finished(String video, BenchMethod method) throws IOException {
        Path file = folder(video, method).resolve(RESULT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultJson.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + ": not a bench result (" + e.getMessage() + "); delete it to rerun the cell", e);
        }
    }

    public void write(CellResult result) throws IOException {
        AtomicFiles.writeString(folder(result.video(), result.method()).resolve(RESULT), ResultJson.write(result));
    }

    /** A held claim on one cell; closing it releases the cell. */
    public static final class Lock implements AutoCloseable {
        private final Path file;

        private Lock(Path file) {
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Claims a cell for this process.
     *
     * @return the lock, or empty when a live process holds it
     */
    public Optional<Lock> tryLock(String video, BenchMethod method) throws IOException {
        Path folder = folder(video, method);
        Files.createDirectories(folder);
        Path file = folder.resolve(LOCK);
        String owner = ProcessHandle.current().pid() + "@" + HostName.get() + " " + Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(Files.createFile(file), owner, StandardCharsets.UTF_8);
                return Optional.of(new Lock(file));
            } catch (FileAlreadyExistsException e) {
                if (!isStale(file)) {
                    return Optional.empty();
                }
                // The owner died: its run left no result, so the cell is free again.
                Files.deleteIfExists(file);
            }
        }
        return Optional.empty();
    }

    /** Who holds the lock of a cell, in words ("1234@host since ..."), or empty when nobody does. */
    public Optional<String> holder(String video, BenchMethod method) throws IOException {
        try {
            return Optional.of(Files.readString(folder(video, method).resolve(LOCK), StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** A lock whose owner was a process on this host that no longer runs. Others' hosts are trusted. */
    private static boolean isStale(Path lock) throws IOException {
        String owner;
        try {
            owner = Files.readString(lock, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return true;
        }
        int at = owner.indexOf('@');
        int space = owner.indexOf(' ', Math.max(at, 0));
        if (at <= 0 || space < 0) {
            return false; // being written right now, or unknown format: leave it alone
        }
        if (!owner.substring(at + 1, space).equals(HostName.get())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
