package org.frameloop.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * Who holds a project for writing ({@link ProjectLock}): the host and process, since when, and what it does
 * there ("cli run", "cli export", "ide").
 */
public record LockOwner(String host, long pid, String since, String what) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    static LockOwner ofThisProcess(String what) {
        return new LockOwner(thisHost(), ProcessHandle.current().pid(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), what);
    }

    /** "cli run (pid 4242 on host build-7, since 2026-05-01T10:00:00Z)". */
    public String describe() {
        return what + " (pid " + pid + " on host " + host + ", since " + since + ")";
    }

    /** Whether a process with this pid runs on this host now (it may be another program with a reused pid). */
    boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String toJson() {
        return GSON.toJson(this) + "\n";
    }

    /** The record in {@code file}; empty when there is none or it is unreadable (a holder that died writing it). */
    static Optional<LockOwner> read(Path file) {
        try {
            LockOwner owner = GSON.fromJson(Files.readString(file), LockOwner.class);
            return owner == null || owner.host() == null ? Optional.empty() : Optional.of(owner);
        } catch (IOException | JsonParseException e) {
            return Optional.empty();
        }
    }

    /** This machine's name, from the kernel where it tells it: the same in every process, and no DNS lookup, which can hang. */
    static String thisHost() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
