package org.frameloop.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectLock;
import org.frameloop.io.ProjectStore;
import org.frameloop.store.postgres.Credentials;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectAddress;

/**
 * What {@code ./frameloop project check} reports about a project, a folder or a database address, read without
 * taking it (a run, the IDE or a team may be writing it): what it is, who works on it, its journal, and what a
 * resume or an export would refuse.
 *
 * @param facts    lines describing the project, for the person
 * @param problems what is wrong, each naming the files or tables; empty when nothing is
 */
public record ProjectCheck(List<String> facts, List<String> problems) {

    /**
     * Checks the project at {@code location} (see {@link ProjectLocations}).
     *
     * @throws IOException when the project cannot be opened at all (no project there, a server that refuses)
     */
    public static ProjectCheck of(String location) throws IOException {
        if (ProjectLocations.isAddress(location)) {
            ProjectAddress address = ProjectAddress.parse(location);
            try (PostgresProjectStore project = PostgresProjectStore.open(address, Credentials.forAddress(address))) {
                return of(project);
            }
        }
        return of(Path.of(location));
    }

    /** Checks a project folder, read-only. */
    public static ProjectCheck of(Path folder) throws IOException {
        try (ProjectStore project = ProjectStore.openReadOnly(folder)) {
            List<String> facts = new ArrayList<>();
            facts.add(describe(project, project.folder().toString()));
            facts.add(ProjectLock.recordedOwner(project.folder())
                    .map(owner -> "Writer: " + owner.describe() + " (or one that ended without closing it)")
                    .orElse("Writer: none"));
            project.notes().forEach(note -> facts.add("Note: " + note));
            facts.add(journal(project));
            List<String> problems = new ArrayList<>(project.problems());
            exportProblem(project).ifPresent(problems::add);
            return new ProjectCheck(List.copyOf(facts), List.copyOf(problems));
        }
    }

    /**
     * Checks a database project as its user sees it. Its journal and human labels are stored in one transaction
     * per sample, so they cannot disagree; what is left to report is the team's work and the export.
     */
    public static ProjectCheck of(PostgresProjectStore project) throws IOException {
        List<String> facts = new ArrayList<>();
        facts.add(describe(project, project.location()));
        facts.add("You: " + project.user() + " (" + project.role().databaseName() + ")");
        facts.add(project.loopRunning() ? "Loop: running (frameloop serve, or run, holds the project now)"
                : "Loop: none");
        facts.add(String.format(Locale.ROOT, "Samples: %d open, %d of them leased now", project.leases().openSamples(),
                project.leases().heldSamples()));
        facts.add(journal(project));
        List<String> problems = new ArrayList<>();
        exportProblem(project).ifPresent(problems::add);
        return new ProjectCheck(List.copyOf(facts), List.copyOf(problems));
    }

    private static String describe(Project project, String where) {
        return String.format(Locale.ROOT, "Project %s: %s, %d frames of %dx%d", where, project.video().name(),
                project.video().frameCount(), project.video().width(), project.video().height());
    }

    private static String journal(Project project) throws IOException {
        List<LedgerEntry> entries = project.ledgerEntries();
        return String.format(Locale.ROOT, "Journal: %d annotated samples, %d clicks", entries.size(),
                entries.stream().mapToLong(LedgerEntry::clicks).sum());
    }

    /** What an export of the project would refuse, if anything. */
    public static Optional<String> exportProblem(Project project) {
        try {
            project.labels().requireEveryFrameLabelled();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("export: " + e.getMessage());
        }
    }
}
