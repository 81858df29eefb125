package org.frameloop.store.postgres;

/**
 * A sample whose lease ran out before its labels were stored: it went back to the team, and someone else may
 * label it. Nothing of the late labels was stored.
 */
public final class LeaseLostException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    LeaseLostException(String where, String problem) {
        super(where, problem);
    }
}
