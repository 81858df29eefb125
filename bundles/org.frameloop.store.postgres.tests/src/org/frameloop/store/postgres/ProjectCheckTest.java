package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.frameloop.core.label.LabelStore;
import org.frameloop.run.ProjectCheck;
import org.junit.jupiter.api.Test;

/**
 * {@code ./frameloop project check --project ADDRESS} ({@link ProjectCheck}) on the real server: a reviewer
 * checks a team's project while the trainer holds it and an annotator holds a lease, reading without taking
 * anything.
 */
class ProjectCheckTest {

    @Test
    void aCheckOfAnAddressReportsTheTeamsWorkAndWhatAnExportWouldRefuse() throws Exception {
        TeamProject team = TeamProject.create("check");
        String location = team.server.location(team.name, TeamProject.REVIEWER);
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER);
                PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR)) {
            trainer.journalChosen(1, TeamProject.rectangles(3));
            alice.leases().next(Duration.ofMinutes(5)).orElseThrow();

            ProjectCheck before = team.server.withPasswordFileAtHome(() -> ProjectCheck.of(location));
            assertTrue(before.facts().contains("You: rita (reviewer)"), before.facts().toString());
            assertTrue(before.facts().contains("Loop: none"), before.facts().toString());
            assertTrue(before.facts().contains("Samples: 3 open, 1 of them leased now"), before.facts().toString());
            assertTrue(before.facts().contains("Journal: 0 annotated samples, 0 clicks"), before.facts().toString());
            assertEquals(1, before.problems().size(), before.problems().toString());
            assertTrue(before.problems().get(0).startsWith("export: ")
                    && before.problems().get(0).contains("6 of 6 frames have no automatic labels"),
                    before.problems().get(0));

            trainer.holdLoop();
            LabelStore labels = new LabelStore(TeamProject.FRAMES, TeamProject.WIDTH, TeamProject.HEIGHT);
            for (int f = 0; f < TeamProject.FRAMES; f++) {
                labels.putAuto(f, team.video.groundTruth(f));
            }
            trainer.replaceAutoLabels(1, labels);

            ProjectCheck after = team.server.withPasswordFileAtHome(() -> ProjectCheck.of(location));
            assertTrue(after.facts().contains("Loop: running (frameloop serve, or run, holds the project now)"),
                    after.facts().toString());
            assertEquals(List.of(), after.problems());
            assertTrue(after.facts().get(0).startsWith("Project " + location + ": "), after.facts().get(0));
        }
    }
}
