package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The figures in docs/team.md: eight simulated annotators at once on one project, samples stored per second
 * and samples lost or stored twice. Only the count is asserted (timing depends on the machine); it runs when
 * {@code FRAMELOOP_FIGURES=1} is set, so the default test run stays short.
 */
@EnabledIfEnvironmentVariable(named = "FRAMELOOP_FIGURES", matches = "1")
class TeamThroughputFiguresTest {

    private static final int ANNOTATORS = 8;
    private static final int ROUNDS = 15;

    @Test
    void eightAnnotatorsOverAThousandSamples() throws Exception {
        TeamProject team = TeamProject.create("throughput");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < ANNOTATORS; i++) {
            people.add("annotator" + i);
            team.server.person(people.get(i), true);
        }
        List<Sample> perRound = TeamProject.rectangles(TeamProject.FRAMES * 12);
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            for (String person : people) {
                trainer.members().put(person, ProjectRole.ANNOTATOR);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                trainer.journalChosen(round, perRound);
            }
        }
        int chosen = ROUNDS * perRound.size();
        ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
        List<PostgresProjectStore> stores = new ArrayList<>();
        List<LedgerEntry> stored = new ArrayList<>();
        long start = System.nanoTime();
        try {
            List<Future<List<LedgerEntry>>> work = new ArrayList<>();
            for (String person : people) {
                PostgresProjectStore store = team.open(person);
                stores.add(store);
                work.add(pool.submit(new LabellingClient(store, team.video.groundTruthSequence(), Duration.ofMinutes(5))));
            }
            for (Future<List<LedgerEntry>> each : work) {
                stored.addAll(each.get(600, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            for (PostgresProjectStore store : stores) {
                store.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> byRoundAndSample = new HashMap<>();
        for (LedgerEntry entry : stored) {
            byRoundAndSample.merge(entry.round() + "/" + entry.sample(), 1, Integer::sum);
        }
        long doubled = byRoundAndSample.values().stream().filter(n -> n > 1).count();
        long lost = chosen - byRoundAndSample.size();
        System.out.printf("%d annotators, %d samples of %dx%d px: %.1f samples/s (%.1f s), lost %d, stored twice %d%n",
                ANNOTATORS, chosen, TeamProject.RECT_PX, TeamProject.RECT_PX, chosen / seconds, seconds, lost, doubled);
        assertEquals(0, lost);
        assertEquals(0, doubled);
        assertEquals(chosen, stored.size());
    }
}
