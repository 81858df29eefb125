package org.frameloop.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.ClickCostModel;

/**
 * What {@code frameloop project repair} can do about a journal that disagrees with the human label files,
 * planned on a project opened read-only and applied under the project's writer lock. Two disagreements have
 * a repair; neither is applied without the person's yes, because each changes what the journal says a
 * person did:
 * <ul>
 * <li>the journal is missing, empty or only a torn line while human label files exist: it is rebuilt with
 * one {@code sample} record per label file, priced by a click-cost model. Those clicks are <em>invented</em>
 * (estimated from the labels, not counted while a person drew them), and the records say so
 * ({@code annotator} {@value #ANNOTATOR});</li>
 * <li>the last line is torn and may have recorded a sample's clicks: the line is dropped, and that sample is
 * annotated again when the loop goes on.</li>
 * </ul>
 * Records of human labels whose files are gone have no repair: only a copy brings the labels back. The
 * journal as it was is kept as {@value #BEFORE_REPAIR_SUFFIX} beside it.
 */
public final class JournalRepair {

    /** The annotator id of records a repair rebuilt from label files. */
    public static final String ANNOTATOR = "repair (clicks estimated from the labels)";

    /** The journal as it was before a repair, beside it. */
    public static final String BEFORE_REPAIR_SUFFIX = ".before-repair";

    private enum Kind {
        REBUILD_FROM_LABEL_FILES, DROP_TORN_LINE
    }

    private final Path folder;
    private final Kind kind;
    private final String description;

    private JournalRepair(Path folder, Kind kind, String description) {
        this.folder = folder;
        this.kind = kind;
        this.description = description;
    }

    /** The repair the journal of {@code project} (opened read-only) needs, if it needs one that exists. */
    public static Optional<JournalRepair> plan(ProjectStore project) throws IOException {
        Journal.Content journal = project.journalContent();
        SortedMap<Integer, Path> human = project.labelFiles("human");
        if (human.isEmpty()) {
            return Optional.empty();
        }
        if (journal.records() == 0) {
            return Optional.of(new JournalRepair(project.folder(), Kind.REBUILD_FROM_LABEL_FILES, "rebuild "
                    + ProjectStore.LEDGER_FILE + " from the " + human.size() + " human label file(s), one sample per "
                    + "frame at the clicks the click model prices its labels at: these clicks are estimated, not "
                    + "counted while a person drew"));
        }
        if (journal.tornTailMayHoldClicks()) {
            return Optional.of(new JournalRepair(project.folder(), Kind.DROP_TORN_LINE, "drop the torn line "
                    + journal.tornLine() + " of " + ProjectStore.LEDGER_FILE + " ('" + journal.tornText() + "'): "
                    + "whatever clicks it recorded are lost, and its sample is annotated again"));
        }
        return Optional.empty();
    }

    /** What the repair does, for the person who confirms it. */
    public String description() {
        return description;
    }

    /** Whether the repair writes clicks nobody counted (estimated from the label files). */
    public boolean inventsClicks() {
        return kind == Kind.REBUILD_FROM_LABEL_FILES;
    }

    /**
     * Applies the repair under the project's writer lock, after checking that the journal still needs it.
     *
     * @param clickCost prices each frame's human labels when the journal is rebuilt (the project's model)
     * @return the number of clicks the rebuilt journal records (0 when a line was dropped)
     * @throws ProjectException when another writer holds the project, or the journal changed since the plan
     */
    public long apply(ClickCostModel clickCost) throws IOException {
        try (ProjectLock lock = ProjectLock.acquire(folder, "cli project repair");
                ProjectStore project = ProjectStore.openReadOnly(folder)) {
            Optional<JournalRepair> now = plan(project);
            if (now.isEmpty() || now.get().kind != kind) {
                throw new ProjectException(folder.resolve(ProjectStore.LEDGER_FILE), "changed since the repair was "
                        + "planned; nothing was repaired. Check the project again");
            }
            Path ledger = folder.resolve(ProjectStore.LEDGER_FILE);
            if (Files.exists(ledger)) {
                Path before = ledger.resolveSibling(ledger.getFileName() + BEFORE_REPAIR_SUFFIX);
                AtomicFiles.write(before, out -> Files.copy(ledger, out));
            }
            return kind == Kind.DROP_TORN_LINE ? dropTornLine(project, ledger) : rebuild(project, ledger, clickCost);
        }
    }

    private static long dropTornLine(ProjectStore project, Path ledger) throws IOException {
        long valid = project.journalContent().validBytes();
        byte[] bytes = Files.readAllBytes(ledger);
        AtomicFiles.write(ledger, out -> out.write(bytes, 0, (int) valid));
        return 0;
    }

    private static long rebuild(ProjectStore project, Path ledger, ClickCostModel clickCost) throws IOException {
        int ignoreId = project.labelMap().ignoreId().orElse(LabelImage.UNLABELED);
        long now = Instant.now().toEpochMilli();
        StringBuilder lines = new StringBuilder();
        long clicks = 0;
        for (Map.Entry<Integer, Path> file : project.labelFiles("human").entrySet()) {
            LabelImage labels = project.checkedLabels(file.getValue());
            Region region = labelledPixels(labels);
            int frameClicks = clickCost.clicks(region, labels, ignoreId);
            clicks += frameClicks;
            LedgerEntry entry = new LedgerEntry(1, new Sample(file.getKey(), region), frameClicks, 0, ANNOTATOR, now);
            lines.append(Journal.withChecksum(Journal.sampleLine(entry))).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(ledger, out -> out.write(bytes));
        return clicks;
    }

    /** The frame when every pixel is labelled, else the labelled pixels. */
    private static Region labelledPixels(LabelImage labels) {
        byte[] ids = labels.ids();
        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != (byte) LabelImage.UNLABELED) {
                labelled.add(i);
            }
        }
        if (labelled.size() == ids.length) {
            return new Region.WholeFrame(labels.width(), labels.height());
        }
        return new Region.PixelSet(labelled.stream().mapToInt(Integer::intValue).toArray());
    }
}
