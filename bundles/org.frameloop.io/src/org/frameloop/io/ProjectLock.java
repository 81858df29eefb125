package org.frameloop.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.frameloop.core.internal.io.AtomicFiles;

/**
 * One writer per project: an OS lock on {@value #LOCK_FILE} inside the project folder, plus an owner record
 * ({@value #OWNER_FILE}: host, pid, since, what) written atomically beside it so that a refused writer can
 * say who holds the project. The OS lock is the authority: it dies with its process, so an owner record
 * whose lock is free on this host is stale and is taken over. A record from another host with a free lock
 * is refused, since a network file system may not carry the lock across hosts.
 * <p>
 * Java's file locks belong to the whole JVM (a second {@code tryLock} in one process throws), so the locks
 * held by this process are kept in a registry: a second open in the same process is refused by name, and a
 * project closed and reopened in one process works.
 */
public final class ProjectLock implements AutoCloseable {

    /** The file the OS lock is taken on; never deleted, since deleting a lock file races with its next taker. */
    public static final String LOCK_FILE = "project.lock";

    /** Who holds the lock; removed when the holder closes the project. */
    public static final String OWNER_FILE = "project.lock.json";

    private static final Map<Path, ProjectLock> HELD = new HashMap<>();

    private Path folder;
    private Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockOwner owner;
    private final String takeover;

    private ProjectLock(Path folder, Path key, FileChannel channel, FileLock lock, LockOwner owner, String takeover) {
        this.folder = folder;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.owner = owner;
        this.takeover = takeover;
    }

    /**
     * Takes the project in {@code folder} for writing.
     *
     * @param what what this process does with it, for the message another writer gets ("cli run", "ide")
     * @throws ProjectException naming the folder and the holder when another writer has it
     */
    public static ProjectLock acquire(Path folder, String what) throws IOException {
        Path key = folder.toRealPath();
        synchronized (HELD) {
            ProjectLock held = HELD.get(key);
            if (held != null) {
                throw new ProjectException(folder, "is already open for writing in this process by "
                        + held.owner.describe() + "; close it there first (one writer per project)");
            }
            Path lockFile = folder.resolve(LOCK_FILE);
            FileChannel channel;
            FileLock lock;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new ProjectException(lockFile, "cannot be created to lock the project for writing ("
                        + e.getMessage() + "); is the folder writable?", e);
            }
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held in this JVM outside the registry
            } catch (IOException e) {
                channel.close();
                throw new ProjectException(lockFile, "cannot be locked (" + e.getMessage() + ")", e);
            }
            Optional<LockOwner> recorded = LockOwner.read(folder.resolve(OWNER_FILE));
            if (lock == null) {
                channel.close();
                throw refused(folder, recorded);
            }
            try {
                String takeover = null;
                if (recorded.isPresent()) {
                    LockOwner previous = recorded.get();
                    if (!previous.host().equals(LockOwner.thisHost())) {
                        throw new ProjectException(folder, "was locked for writing by " + previous.describe()
                                + ", another host, whose lock this host cannot see. If nothing runs there on this "
                                + "project any more, delete " + folder.resolve(OWNER_FILE) + " and open it again");
                    }
                    takeover = "took over the lock left by " + previous.describe() + ", "
                            + (previous.isAlive() ? "whose pid now belongs to another program" : "which no longer runs");
                }
                LockOwner me = LockOwner.ofThisProcess(what);
                AtomicFiles.writeString(folder.resolve(OWNER_FILE), me.toJson());
                ProjectLock acquired = new ProjectLock(folder, key, channel, lock, me, takeover);
                HELD.put(key, acquired);
                return acquired;
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        }
    }

    private static ProjectException refused(Path folder, Optional<LockOwner> recorded) {
        String holder = recorded.map(LockOwner::describe)
                .orElse("another process (which has not recorded who it is yet)");
        return new ProjectException(folder, "is open for writing by " + holder + "; one writer per project: "
                + "close it there or wait until it ends (reading stays possible: frameloop project check)");
    }

    /** The recorded holder of the project in {@code folder}, if any (it may be stale); for reports. */
    public static Optional<LockOwner> recordedOwner(Path folder) {
        return LockOwner.read(folder.resolve(OWNER_FILE));
    }

    /** What was taken over from a holder that died without closing, for the user; empty when nothing. */
    public Optional<String> takeover() {
        return Optional.ofNullable(takeover);
    }

    public LockOwner owner() {
        return owner;
    }

    /** The project folder was renamed (a staged project moved into place): the lock file moved with it. */
    void movedTo(Path newFolder) throws IOException {
        synchronized (HELD) {
            HELD.remove(key);
            folder = newFolder;
            key = newFolder.toRealPath();
            HELD.put(key, this);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (HELD.get(key) != this) {
                return; // closed already
            }
            HELD.remove(key);
            try {
                Files.deleteIfExists(folder.resolve(OWNER_FILE));
            } finally {
                try {
                    lock.release();
                } finally {
                    channel.close();
                }
            }
        }
    }
}
