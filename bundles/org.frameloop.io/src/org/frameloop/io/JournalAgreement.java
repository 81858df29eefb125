package org.frameloop.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

import org.frameloop.core.ledger.LedgerEntry;

/**
 * Whether the journal and the human label files tell the same story. Each disagreement would make a resume
 * count a person's work wrong (a fresh start at 0 clicks, a sample annotated again for free, clicks for labels
 * that are gone), so each is a problem that names the files; none is repaired by guessing.
 */
final class JournalAgreement {

    private JournalAgreement() {
    }

    static List<String> problems(Path ledger, Journal.Content journal, SortedMap<Integer, Path> humanFiles) {
        List<String> problems = new ArrayList<>();
        Path backup = ledger.resolveSibling(ledger.getFileName() + Journal.BACKUP_SUFFIX);
        String restore = Files.exists(backup) ? "restore it from " + backup.getFileName()
                + " (the journal as it was when the project was last opened for writing) or a copy"
                : "restore it from a copy";
        if (journal.records() == 0 && !humanFiles.isEmpty()) {
            String state = !Files.exists(ledger) ? "is missing" : journal.tornTail() ? "holds only a torn line"
                    : "is empty";
            problems.add(ledger.getFileName() + " " + state + ", but labels/human holds " + humanFiles.size()
                    + " human label file(s) (" + FrameList.someNames(names(humanFiles.values()), 5) + "): the samples "
                    + "and clicks journaled for them would be lost and a resume would count them at 0 clicks; "
                    + restore + ".");
        } else if (journal.tornTailMayHoldClicks() && !humanFiles.isEmpty()) {
            problems.add(ledger.getFileName() + " line " + journal.tornLine() + " is torn (a crash while it was "
                    + "written: '" + journal.tornText() + "'); it may have recorded a sample's clicks, which Frameloop "
                    + "will not guess. To go on without it, delete that line by hand (its sample is then annotated "
                    + "again), or " + restore + ".");
        }
        TreeSet<Integer> claimed = new TreeSet<>(journal.importedFrames());
        journal.samples().stream().map(LedgerEntry::sample).forEach(s -> claimed.add(s.frameIndex()));
        claimed.removeAll(humanFiles.keySet());
        if (!claimed.isEmpty()) {
            List<String> missing = claimed.stream().map(f -> String.format("labels/human/%06d.png", f)).toList();
            problems.add(ledger.getFileName() + " records human labels on frame(s) " + FrameList.describe(claimed)
                    + ", but " + FrameList.someNames(missing, 5) + " " + (missing.size() == 1 ? "is" : "are")
                    + " missing: the clicks journaled for them would count labels that are gone; restore the "
                    + "file(s) from a copy.");
        }
        return problems;
    }

    private static List<String> names(java.util.Collection<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }
}
