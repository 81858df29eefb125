package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.store.postgres.ProjectNews.Kind;
import org.junit.jupiter.api.Test;

/**
 * A client learns that the trainer chose a round's samples, or that a teammate labelled one, from the project's
 * channel ({@link ProjectNews}, schema V3), without asking the project again and again.
 */
class ProjectNewsTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void aListeningClientHearsOfEachRoundChosenAndEachSampleLabelledByAnyone() throws Exception {
        TeamProject team = TeamProject.create("news");
        try (TeamProject.Actors actors = team.openTrainerAndAnnotators()) {
            PostgresProjectStore trainer = actors.trainer();
            PostgresProjectStore bob = actors.bob();
            ProjectNews news = new ProjectNews(actors.alice());
            news.listen();

            trainer.journalChosen(1, TeamProject.rectangles(3));
            assertEquals(List.of(Kind.CHOSEN), news.await(LONG, () -> false), "three samples chosen in one transaction");

            SampleLeases.Lease lease = bob.leases().next(LONG).orElseThrow();
            bob.leases().submit(lease, team.video.groundTruth(lease.sample().frameIndex()), 3, 1.0);
            assertEquals(List.of(Kind.LABELLED), news.await(LONG, () -> false), "bob's label, heard by alice");

            assertEquals(List.of(), news.await(Duration.ofMillis(1), () -> false), "nothing else happened");
            assertThrows(OperationCanceledException.class, () -> news.await(LONG, () -> true));
        }
    }
}
