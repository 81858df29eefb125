package org.frameloop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The line a command prints for an {@link IOException}: Frameloop's own exceptions already name the file and
 * the problem; the JDK's file-system exceptions carry only a path as their message, so the problem is added.
 */
final class FileErrors {

    private FileErrors() {
    }

    /** For a command's one catch of both kinds. */
    static String describe(Exception e) {
        return e instanceof UncheckedIOException unchecked ? describe(unchecked) : describe((IOException) e);
    }

    /** The wrapper's own message when it has one, else the wrapped exception's line. */
    private static String describe(UncheckedIOException e) {
        String message = e.getMessage();
        return message == null || message.equals(e.getCause().toString()) ? describe(e.getCause()) : message;
    }

    private static String describe(IOException e) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            return e.getMessage();
        }
        String problem;
        if (e instanceof NoSuchFileException) {
            problem = "cannot be written or read: it or a folder on its way does not exist";
        } else if (e instanceof AccessDeniedException) {
            problem = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            problem = "already exists";
        } else {
            problem = fs.getReason() == null ? "cannot be written or read" : fs.getReason();
        }
        return fs.getFile() + ": " + problem;
    }
}
