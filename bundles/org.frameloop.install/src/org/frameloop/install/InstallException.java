package org.frameloop.install;

/** A plugin cannot be installed or removed; the message names the file or bundle and what is wrong. */
public class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
