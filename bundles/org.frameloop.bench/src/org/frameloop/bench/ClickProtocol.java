package org.frameloop.bench;

/**
 * How the simulated annotator is charged for a sample. Every run is priced both ways at once: the
 * loop's trajectory does not depend on it (the same samples get the same true labels), only the clicks.
 */
public enum ClickProtocol {
    /**
     * Every sample drawn from scratch with the bench's click model ({@code polygon}): the headline, the
     * protocol of the published numbers.
     */
    FROM_SCRATCH("drawn from scratch"),
    /**
     * Every sample corrected from the automatic labels shown before the person acts, with the bench's
     * correction model ({@code correction}): accept and correct, as the IDE works.
     */
    CORRECTION("accept and correct");

    private final String title;

    ClickProtocol(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
