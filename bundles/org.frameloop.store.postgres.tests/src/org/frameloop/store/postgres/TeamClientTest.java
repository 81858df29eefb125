package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.store.postgres.ProjectNews.Kind;
import org.junit.jupiter.api.Test;

/**
 * An annotator's client on a team project ({@link TeamClient}, what an IDE of the team does without its
 * display): two clients never hold the same sample, each stores in its own name, and a client shows the
 * trainer's next round (its automatic labels) once the round is published, without reopening.
 */
class TeamClientTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Test
    void twoClientsHoldDifferentSamplesAndEachShowsTheNextRoundOnceTheTrainerPublishesIt() throws Exception {
        TeamProject team = TeamProject.create("client");
        try (TeamProject.Actors actors = team.openTrainerAndAnnotators()) {
            PostgresProjectStore trainer = actors.trainer();
            trainer.journalChosen(1, TeamProject.rectangles(2));
            TeamClient alice = new TeamClient(actors.alice(), LEASE);
            TeamClient bob = new TeamClient(actors.bob(), LEASE);

            SampleLeases.Lease alices = alice.next().orElseThrow();
            assertEquals(alices, alice.next().orElseThrow(), "a client holds one sample until it is stored");
            SampleLeases.Lease bobs = bob.next().orElseThrow();
            assertNotEquals(alices.sample(), bobs.sample(), "two clients never hold the same sample");
            assertTrue(alice.held().isPresent() && bob.held().isPresent());

            int frame = alices.sample().frameIndex();
            assertEquals("alice", alice.submit(team.video.groundTruth(frame), 4, 2.0).annotatorId());
            assertTrue(alice.held().isEmpty());
            assertThrows(IllegalStateException.class, () -> alice.submit(team.video.groundTruth(frame), 1, 1.0));
            for (int pixel : alices.sample().region().pixelIndices(TeamProject.WIDTH)) {
                assertEquals(team.video.groundTruth(frame).ids()[pixel], alice.labels().human(frame).ids()[pixel]);
            }
            bob.release();
            assertEquals(bobs.sample(), alice.next().orElseThrow().sample(), "a released sample is free again");
            alice.submit(team.video.groundTruth(bobs.sample().frameIndex()), 4, 2.0);
            assertEquals(0, alice.openSamples());

            // the trainer publishes round 2: the automatic labels first, then the round's samples
            LabelStore predicted = new LabelStore(TeamProject.FRAMES, TeamProject.WIDTH, TeamProject.HEIGHT);
            for (int f = 0; f < TeamProject.FRAMES; f++) {
                predicted.putAuto(f, team.video.groundTruth(f));
            }
            trainer.replaceAutoLabels(1, predicted);
            trainer.journalChosen(2, TeamProject.rectangles(4).subList(2, 4));

            List<Kind> heard = new ArrayList<>();
            while (!heard.contains(Kind.CHOSEN)) {
                List<Kind> news = bob.waitForNews(Duration.ofMinutes(1), () -> false);
                assertTrue(!news.isEmpty(), "bob hears of the new round within a minute");
                heard.addAll(news);
            }
            for (int f = 0; f < TeamProject.FRAMES; f++) {
                LabelImage shown = bob.labels().auto(f);
                assertArrayEquals(team.video.groundTruth(f).ids(), shown.ids(), "the new round's labels, frame " + f);
            }
            assertEquals(2, bob.next().orElseThrow().round(), "and takes its samples");
        }
    }
}
