package org.frameloop.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An output folder a command writes into, created and checked before any work starts, so that a bad
 * {@code --out} is a message naming the path in the first second, not a failed write after the whole loop.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Creates {@code folder} (and its parents) and checks it can be written.
     *
     * @throws UsageException naming the option, the path and why not
     */
    static Path prepare(String option, Path given) {
        // "a/missing/../b" means a/b: created as given, it would leave a stray "missing" folder behind
        Path folder = given.normalize();
        Path file = firstFileOnTheWay(folder);
        if (file != null) {
            throw refused(option, folder, file + " exists and is not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw refused(option, folder, e.getFile() + " exists and is not a folder");
        } catch (NoSuchFileException e) {
            throw refused(option, folder, e.getFile() + " does not exist");
        } catch (AccessDeniedException e) {
            throw refused(option, folder, "permission denied on " + e.getFile());
        } catch (FileSystemException e) {
            throw refused(option, folder, e.getReason() == null ? e.getFile() : e.getFile() + ": " + e.getReason());
        } catch (IOException e) {
            throw refused(option, folder, e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw refused(option, folder, "the folder is not writable");
        }
        return folder;
    }

    /** The folder itself or the nearest existing folder above it, when it is a file; else null. */
    private static Path firstFileOnTheWay(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static UsageException refused(String option, Path folder, String why) {
        return new UsageException("--" + option + " " + folder + ": cannot create or write this folder (" + why
                + "); nothing was done");
    }
}
