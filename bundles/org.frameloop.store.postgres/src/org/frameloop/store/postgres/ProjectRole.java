package org.frameloop.store.postgres;

import java.util.Locale;

/**
 * What a member of a project may do; the database enforces it (row-level security, sql/V1__projects.sql),
 * the client only reports it.
 */
public enum ProjectRole {
    /** Reads the project, leases samples and stores their labels. */
    ANNOTATOR,
    /** Reads the whole project (labels, journal, rounds) to check and export it; changes nothing. */
    REVIEWER,
    /** Everything: members, settings, chosen samples and leases, automatic labels, rounds, the checkpoint. */
    OWNER;

    /** The name in {@code frameloop.members.role}. */
    public String databaseName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ProjectRole fromDatabase(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether this role may lease samples and store human labels. */
    public boolean mayLabel() {
        return this == ANNOTATOR || this == OWNER;
    }
}
