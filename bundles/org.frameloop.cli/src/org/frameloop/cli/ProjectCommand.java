package org.frameloop.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.Annotator;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.video.Video;
import org.frameloop.io.JournalRepair;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.video.VideoFiles;
import org.frameloop.run.DefaultPlugins;
import org.frameloop.run.ProjectCheck;
import org.frameloop.run.ProjectCopy;
import org.frameloop.run.ProjectLocations;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * {@code ./frameloop project check|repair --project DIR}. {@code check} reads a project, a folder or a database
 * address, without taking it (a run, the IDE or a team may hold it; {@link ProjectCheck}) and reports what a resume or an export would refuse: a journal that disagrees
 * with the human label files, frames without labels to export. {@code repair} rebuilds what can be rebuilt:
 * the journal from the label files ({@link JournalRepair}; only when the person confirms, since its clicks are
 * estimated) and the automatic labels of every frame from the project's model (derived data, no question).
 * Both exit 0 when nothing is (left) wrong, 1 otherwise.
 * <p>
 * {@code ./frameloop project copy FROM TO}: copies a project between a folder and a PostgreSQL server
 * ({@link ProjectCopy}); exit 0 when the copy is complete, 1 when nothing was copied.
 */
final class ProjectCommand implements CliCommand {

    private final BufferedReader answers;

    ProjectCommand() {
        this(System.in);
    }

    /** @param answers where the person's yes or no to a repair is read from */
    ProjectCommand(InputStream answers) {
        this.answers = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "project";
    }

    @Override
    public String summary() {
        return "'project check': report what is wrong with a project; 'project repair': rebuild what can be "
                + "rebuilt; 'project copy FROM TO': folder <-> PostgreSQL";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String subcommand = arguments.isEmpty() ? "" : arguments.get(0);
        Options options = new Options(name() + " " + subcommand).option("project", "DIR|ADDRESS",
                "the project folder (check: or postgresql://HOST[:PORT]/DB?project=NAME)");
        if (subcommand.equals("repair")) {
            options.flag("yes", "apply every repair without asking, estimated clicks included (for scripts)");
        }
        try {
            if (subcommand.equals("copy")) {
                return copy(arguments.subList(1, arguments.size()), out);
            }
            if (!subcommand.equals("check") && !subcommand.equals("repair")) {
                if (arguments.contains("--help")) {
                    out.print(help(options));
                    out.print(COPY_HELP);
                    return 0;
                }
                throw new UsageException("the subcommands are 'check' and 'repair' (./frameloop project check|repair "
                        + "--project DIR) and 'copy' (./frameloop project copy FROM TO)");
            }
            options.parse(arguments.subList(1, arguments.size()));
            if (options.has("help")) {
                out.print(help(options));
                return 0;
            }
            if (subcommand.equals("check")) {
                return check(options.existingProject("project", options.require("project")), out);
            }
            String project = options.require("project");
            if (ProjectLocations.isAddress(project)) {
                throw new UsageException("--project: repair takes a project folder; a project on a database server "
                        + "stores each sample with its journal record in one transaction, so there is no journal to "
                        + "rebuild ('project check' reports what is wrong with it)");
            }
            return repair(options.existingFolder("project", project), options.has("yes"), out);
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
        return options.help("check --project DIR|ADDRESS, repair --project DIR [--yes]",
                "check reads the project read-only (no lock: it works while a run, the IDE or a team writes it) and\n"
                        + "reports who works on it (a database project: your role, whether a loop runs, the open and\n"
                        + "leased samples), the journal's samples and clicks, and what a resume or an export would\n"
                        + "refuse. repair takes the project and rebuilds what can be rebuilt: a lost journal from the\n"
                        + "human label files (its clicks estimated by the click model, so only after you confirm, or\n"
                        + "with --yes), a torn journal line (dropped, after you confirm), and the automatic labels of\n"
                        + "every frame (predicted again by the project's model). Exit 0 when nothing is (left) wrong,\n"
                        + "1 when something is (each problem names its files).");
    }

    private static int check(String location, PrintStream out) throws IOException {
        List<String> problems = report(location, out);
        problems.forEach(problem -> out.println("Problem: " + problem));
        out.println(problems.isEmpty() ? "No problems found." : problems.size() + " problem(s) found.");
        return problems.isEmpty() ? 0 : 1;
    }

    /** Prints what the project is and returns its problems. */
    private static List<String> report(String location, PrintStream out) throws IOException {
        ProjectCheck check = ProjectCheck.of(location);
        check.facts().forEach(out::println);
        return check.problems();
    }

    private int repair(Path folder, boolean yes, PrintStream out) throws IOException {
        List<String> before = report(folder.toString(), out);
        if (before.isEmpty()) {
            out.println("No problems found; nothing to repair.");
            return 0;
        }
        PluginRegistry registry = PluginRegistry.ofPlatform();
        Optional<JournalRepair> journalRepair;
        JsonObject settings;
        try (ProjectStore project = ProjectStore.openReadOnly(folder)) {
            journalRepair = JournalRepair.plan(project);
            settings = project.settings();
        }
        if (journalRepair.isPresent()) {
            JournalRepair repair = journalRepair.get();
            if (confirmed(repair, yes, out)) {
                long clicks = repair.apply(clickCost(registry, settings));
                out.println(repair.inventsClicks() ? String.format(Locale.ROOT, "Repaired: %s rebuilt, %d clicks "
                        + "(estimated; the old journal is %s%s).", ProjectStore.LEDGER_FILE, clicks,
                        ProjectStore.LEDGER_FILE, JournalRepair.BEFORE_REPAIR_SUFFIX)
                        : "Repaired: the torn line is dropped (the old journal is " + ProjectStore.LEDGER_FILE
                                + JournalRepair.BEFORE_REPAIR_SUFFIX + ").");
            } else {
                out.println("Not repaired: " + ProjectStore.LEDGER_FILE + " is left as it is.");
            }
        }
        rebuildAutomaticLabels(folder, registry, out);
        out.println();
        List<String> after = report(folder.toString(), out);
        after.forEach(problem -> out.println("Problem: " + problem));
        out.println(after.isEmpty() ? "No problems left." : after.size() + " problem(s) left.");
        return after.isEmpty() ? 0 : 1;
    }

    /** Asks the person; with {@code --yes} the answer is yes, without an answer (end of input) it is no. */
    private boolean confirmed(JournalRepair repair, boolean yes, PrintStream out) throws IOException {
        out.println("Repair: " + repair.description() + ".");
        if (yes) {
            out.println("Applied: --yes was given.");
            return true;
        }
        out.print(repair.inventsClicks() ? "Count the labels at these estimated clicks? [y/N] " : "Drop it? [y/N] ");
        out.flush();
        String answer = answers.readLine();
        out.println();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** The project's click model (as recorded; the default one for a project that records none). */
    private static ClickCostModel clickCost(PluginRegistry registry, JsonObject settings) throws IOException {
        PluginChoice choice = settings.has("clickCost") && settings.get("clickCost").isJsonObject()
                ? new Gson().fromJson(settings.get("clickCost"), PluginChoice.class)
                : PluginChoice.of(DefaultPlugins.CLICK_COST);
        try {
            return registry.create(ExtensionPoint.CLICK_COSTS, choice);
        } catch (ContributionException e) {
            throw new IOException("the click model '" + choice.id() + "' that would price the labels cannot be "
                    + "created: " + e.getMessage(), e);
        }
    }

    /**
     * Predicts every frame again with the project's model and writes its automatic labels, by running the
     * project's loop up to the round it has finished: the initial prediction and nothing to annotate.
     */
    private static void rebuildAutomaticLabels(Path folder, PluginRegistry registry, PrintStream out) throws IOException {
        RunPlugins plugins;
        LoopSettings settings;
        Path videoPath;
        try (ProjectStore project = ProjectStore.openReadOnly(folder)) {
            if (ProjectCheck.exportProblem(project).isEmpty()) {
                return;
            }
            if (!project.problems().isEmpty()) {
                out.println("Not repaired: the automatic labels are predicted again only once the journal agrees "
                        + "with the human label files.");
                return;
            }
            try {
                plugins = LoopRunner.recordedPlugins(project.settings());
                settings = LoopRunner.recordedSettings(project.settings());
            } catch (UsageException e) {
                out.println("Not repaired: the automatic labels cannot be predicted here (" + e.getMessage()
                        + "); open the project in the IDE and continue the loop (F5).");
                return;
            }
            Optional<Path> recordedVideo = project.videoPath();
            if (recordedVideo.isEmpty()) {
                out.println("Not repaired: the project does not record where its video is, so its frames cannot "
                        + "be predicted; open it in the IDE and continue the loop (F5).");
                return;
            }
            videoPath = recordedVideo.get();
        }
        out.println("Repair: predicting every frame again with the project's model (" + plugins.model().id() + ").");
        Video video = VideoFiles.open(videoPath);
        try (RunAssembly run = RunAssembly.create(registry, plugins);
                ProjectStore project = ProjectStore.open(folder, "cli project repair")) {
            VideoSession session = RunAssembly.openProject(registry, project, video, plugins.flow(), null);
            int finishedRounds = project.continuation().round() - 1;
            Annotator nobody = (sample, annotated) -> {
                throw new IllegalStateException("a repair annotates nothing");
            };
            run.journalTo(project, null).loop(session, settings.withMaxRounds(finishedRounds), nobody);
            ConsoleProgress progress = new ConsoleProgress(out);
            run.run(progress);
            progress.breakLine();
            out.println("Repaired: the automatic labels of all " + video.frameCount() + " frames are written.");
        } catch (ContributionException e) {
            out.println("Not repaired: the project's plugins cannot be created (" + e.getMessage() + ").");
        } finally {
            if (video instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the video was only read
                }
            }
        }
    }
}
