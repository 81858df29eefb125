package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.io.ProjectLock;
import org.frameloop.io.ProjectStore;
import org.frameloop.run.ProjectCopy;
import org.frameloop.run.ProjectLocations;

/**
 * {@code ./frameloop project check --project DIR}: reads a project without taking it (a run or the IDE may
 * hold it) and reports what a resume or an export would refuse: a journal that disagrees with the human
 * label files, frames without labels to export. Exit 0 when nothing is wrong, 1 otherwise.
 * <p>
 * {@code ./frameloop project copy FROM TO}: copies a project between a folder and a PostgreSQL server
 * ({@link ProjectCopy}); exit 0 when the copy is complete, 1 when nothing was copied.
 */
final class ProjectCommand implements CliCommand {

    @Override
    public String name() {
        return "project";
    }

    @Override
    public String summary() {
        return "'project check': report what is wrong with a project; 'project copy FROM TO': folder <-> PostgreSQL";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options = new Options(name() + " check").option("project", "DIR", "the project folder");
        try {
            if (!arguments.isEmpty() && arguments.get(0).equals("copy")) {
                return copy(arguments.subList(1, arguments.size()), out);
            }
            if (arguments.isEmpty() || !arguments.get(0).equals("check")) {
                if (arguments.contains("--help")) {
                    out.print(help(options));
                    out.print(COPY_HELP);
                    return 0;
                }
                throw new UsageException("the subcommands are 'check' (./frameloop project check --project DIR) and "
                        + "'copy' (./frameloop project copy FROM TO)");
            }
            options.parse(arguments.subList(1, arguments.size()));
            if (options.has("help")) {
                out.print(help(options));
                return 0;
            }
            Path folder = options.existingFolder("project", options.require("project"));
            return check(folder, out);
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + FileErrors.describe(e));
            return 1;
        }
    }

    private static final String COPY_HELP = """

            usage: ./frameloop project copy FROM TO

            Copies a project between a folder and a PostgreSQL server, either way: FROM and TO are each a folder
            or postgresql://HOST[:PORT]/DB?project=NAME[&user=USER] (the password from PGPASSWORD or ~/.pgpass,
            never from the address). Human and automatic label files, the journal (chosen samples, annotated
            samples with their annotator, time, clicks and seconds, imports, edits, round reports), the label
            map, the settings and the model checkpoint arrive byte for byte. TO must be a new or empty folder, or
            a project that does not exist yet; the copy appears whole or not at all. The copier owns a copy made
            on a server and adds its members. Exit 0 when copied, 1 when nothing was.
            """;

    private static int copy(List<String> arguments, PrintStream out) throws IOException {
        if (arguments.contains("--help")) {
            out.print(COPY_HELP.substring(1));
            return 0;
        }
        if (arguments.size() != 2 || arguments.get(0).startsWith("--") || arguments.get(1).startsWith("--")) {
            throw new UsageException("copy takes two projects: ./frameloop project copy FROM TO");
        }
        Options options = new Options("project copy");
        String from = options.existingProject("FROM", arguments.get(0));
        String to = options.projectLocation("TO", arguments.get(1));
        ProjectCopy.Copied copied;
        try {
            copied = ProjectCopy.copy(from, to);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.println(String.format(Locale.ROOT, "Copied %s to %s: %d frames, %d with human labels, %d with automatic "
                + "labels, %d journal records, %d checkpoint files (read in %d ms, written in %d ms).",
                ProjectLocations.isAddress(from) ? from : Path.of(from).toAbsolutePath().normalize(), to,
                copied.frames(), copied.humanFrames(), copied.autoFrames(), copied.journalRecords(),
                copied.checkpointFiles(), copied.readMillis(), copied.writeMillis()));
        return 0;
    }

    private static String help(Options options) {
        return options.help("check --project DIR",
                "Reads the project read-only (no lock: it works while a run or the IDE writes it) and reports\n"
                        + "who writes it, the journal's samples and clicks, and what a resume or an export would\n"
                        + "refuse. Exit 0 when nothing is wrong, 1 when something is (each problem names its files).");
    }

    private static int check(Path folder, PrintStream out) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ProjectStore project = ProjectStore.openReadOnly(folder)) {
            out.println(String.format(Locale.ROOT, "Project %s: %s, %d frames of %dx%d", project.folder(),
                    project.video().name(), project.video().frameCount(), project.video().width(),
                    project.video().height()));
            out.println(ProjectLock.recordedOwner(project.folder())
                    .map(owner -> "Writer: " + owner.describe() + " (or one that ended without closing it)")
                    .orElse("Writer: none"));
            project.notes().forEach(note -> out.println("Note: " + note));
            List<LedgerEntry> entries = project.ledgerEntries();
            out.println(String.format(Locale.ROOT, "Journal: %d annotated samples, %d clicks", entries.size(),
                    entries.stream().mapToLong(LedgerEntry::clicks).sum()));
            problems.addAll(project.problems());
            try {
                project.labels().requireEveryFrameLabelled();
            } catch (IOException e) {
                problems.add("export: " + e.getMessage());
            }
        }
        problems.forEach(problem -> out.println("Problem: " + problem));
        out.println(problems.isEmpty() ? "No problems found." : problems.size() + " problem(s) found.");
        return problems.isEmpty() ? 0 : 1;
    }
}
