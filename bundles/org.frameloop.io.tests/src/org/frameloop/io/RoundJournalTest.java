package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round reports in the journal: what a reopened project's round history is made of. */
class RoundJournalTest {

    private static final int FRAMES = 4;

    @TempDir
    Path temp;

    private static RoundReport report(int round, List<Sample> samples, long roundClicks, long totalClicks, double miou,
            double estimate) {
        return new RoundReport(round, samples, roundClicks, totalClicks, 4000, miou, new double[] { 0.5, Double.NaN, 0.25 },
                estimate, 0.125, 12, new RoundReport.Timings(1, 2, 3, 4, 5));
    }

    @Test
    void roundReportsSurviveReopeningWithTheirNumbersAndTheSamplesAnnotatedInEachRound() throws IOException {
        Path project = temp.resolve("project");
        Sample a = new Sample(1, new Region.Rectangle(0, 0, 16, 16));
        Sample b = new Sample(2, new Region.Rectangle(16, 0, 16, 16));
        try (ProjectStore store = ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP,
                Map.of())) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            store.journalRound(report(0, List.of(), 0, 0, Double.NaN, 0.40));
            store.journalChosen(1, List.of(a, b));
            session.ledger().append(new LedgerEntry(1, a, 5, 0, "test", 1_700_000_000_000L));
            session.ledger().append(new LedgerEntry(1, b, 7, 0, "test", 1_700_000_000_000L));
            store.journalRound(report(1, List.of(a, b), 12, 12, 0.75, 0.60));
            // a restarted loop reports the state it starts from under round 1's number again
            store.journalRound(report(1, List.of(), 12, 12, 0.76, 0.61));
        }

        try (ProjectStore store = ProjectStore.open(project)) {
            List<RoundReport> rounds = store.roundReports();

            assertEquals(List.of(0, 1), rounds.stream().map(RoundReport::round).toList());
            RoundReport first = rounds.get(1);
            assertEquals(List.of(a, b), first.samples(), "the samples annotated in round 1, from the journal");
            assertEquals(12, first.roundClicks());
            assertEquals(12, first.totalClicks());
            assertEquals(4000, first.frameByFrameClicks());
            assertEquals(0.76, first.miou(), 1e-12, "the latest report of a round wins");
            assertEquals(0.61, first.estimatedQuality(), 1e-12);
            assertEquals(0.125, first.humanPixelShare(), 1e-12);
            assertEquals(12, first.candidateCount());
            assertArrayEquals(new double[] { 0.5, Double.NaN, 0.25 }, first.perClassIou());
            assertEquals(15, first.timings().totalMillis());
            assertTrue(Double.isNaN(rounds.get(0).miou()), "no mIoU without ground truth");
            assertEquals(0.40, rounds.get(0).estimatedQuality(), 1e-12);
            assertEquals(2, store.continuation().round(), "round lines leave where the loop continues unchanged");
        }
    }

    @Test
    void aJournalWithoutRoundLinesStillOpensWithNoHistory() throws IOException {
        Path project = temp.resolve("project");
        ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP, Map.of()).close();
        org.frameloop.core.io.ImageCodec.writeLabels(project.resolve("labels/human/000001.png"), SyntheticScene.truth(1),
                SyntheticScene.LABEL_MAP);
        // written by a build from before round lines: a chosen line and a sample line
        Files.writeString(project.resolve(ProjectStore.LEDGER_FILE),
                "{\"kind\":\"chosen\",\"round\":1,\"samples\":[{\"frame\":1,\"region\":{\"type\":\"rect\",\"x\":0,\"y\":0,"
                        + "\"width\":16,\"height\":16}}]}\n"
                        + "{\"kind\":\"sample\",\"round\":1,\"frame\":1,\"region\":{\"type\":\"rect\",\"x\":0,\"y\":0,"
                        + "\"width\":16,\"height\":16},\"clicks\":5,\"seconds\":0.0,\"annotator\":\"test\"}\n",
                StandardCharsets.UTF_8);

        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(List.of(), store.roundReports());
            assertEquals(1, store.ledgerEntries().size());
            assertEquals(2, store.continuation().round());
        }
    }

    @Test
    void aRoundLineIsForcedToDiskAsOneCompleteLineWithoutNaN() throws IOException {
        Path project = temp.resolve("project");
        try (ProjectStore store = ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP,
                Map.of())) {
            store.journalRound(report(0, List.of(), 0, 0, Double.NaN, 0.5));
        }

        String journal = Files.readString(project.resolve(ProjectStore.LEDGER_FILE), StandardCharsets.UTF_8);
        assertTrue(journal.startsWith("{\"kind\":\"round\",\"round\":0,") && journal.endsWith("}\n"), journal);
        assertEquals(1, journal.lines().count());
        assertTrue(!journal.contains("NaN") && !journal.contains("\"miou\""), "unknown numbers are left out: " + journal);
    }
}
