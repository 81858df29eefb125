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

/**
 * {@code ./frameloop project check --project DIR}: reads a project without taking it (a run or the IDE may
 * hold it) and reports what a resume or an export would refuse: a journal that disagrees with the human
 * label files, frames without labels to export. Exit 0 when nothing is wrong, 1 otherwise.
 */
final class ProjectCommand implements CliCommand {

    @Override
    public String name() {
        return "project";
    }

    @Override
    public String summary() {
        return "'project check': read a project (even one held by a run or the IDE) and report what is wrong";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options = new Options(name() + " check").option("project", "DIR", "the project folder");
        try {
            if (arguments.isEmpty() || !arguments.get(0).equals("check")) {
                if (arguments.contains("--help")) {
                    out.print(help(options));
                    return 0;
                }
                throw new UsageException("the only subcommand is 'check': ./frameloop project check --project DIR");
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
