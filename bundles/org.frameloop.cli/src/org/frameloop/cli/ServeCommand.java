package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.Video;
import org.frameloop.io.Project;
import org.frameloop.io.video.VideoFiles;
import org.frameloop.run.ProjectLocations;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.TeamAnnotator;

import com.google.gson.JsonObject;

/**
 * {@code ./frameloop serve --project ADDRESS}: the trainer of a team's project on a PostgreSQL server. It runs
 * the loop with the project's recorded plugins and settings and the team as its annotator ({@link TeamAnnotator}):
 * it waits until every sample of the round is labelled (woken by LISTEN/NOTIFY, looking again every
 * {@code --poll-seconds}), fine-tunes, writes every frame's automatic labels and the next round's samples.
 * Ctrl-C stops it between steps (exit 130); what the team stored stays, and serving again continues.
 */
final class ServeCommand implements CliCommand {

    /** The exit code of a process stopped by Ctrl-C (128 + SIGINT), as shells report it. */
    static final int INTERRUPTED = 130;

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "the trainer of a team's project on PostgreSQL: fine-tunes after each labelled round, chooses the next";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options = new Options(name())
                .option("project", "ADDRESS", "postgresql://HOST[:PORT]/DB?project=NAME (password from PGPASSWORD or ~/.pgpass)")
                .option("poll-seconds", "N", "look for labelled samples at least this often, in case a notification "
                        + "is missed (default 5)")
                .option("rounds", "N", "most rounds (default: as recorded in the project)")
                .option("target", "MIOU", "stop at this mIoU (default: as recorded in the project)");
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        ConsoleProgress progress = new ConsoleProgress(out);
        // Ctrl-C: stop between steps and close the connection before the JVM ends (the JVM exits 130)
        Thread stop = new Thread(() -> {
            cancelled.set(true);
            progress.setCanceled(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "frameloop serve: stop");
        try {
            options.parse(arguments);
            if (options.has("help")) {
                out.print(options.help("--project ADDRESS [--poll-seconds N] [--rounds N] [--target MIOU]",
                        "Serves a team's project: waits until the team has labelled every sample of the round (leases,\n"
                                + "docs/team.md), fine-tunes, writes every frame's automatic labels and chooses the next\n"
                                + "round's samples, until the project's target or round limit. The project must have been\n"
                                + "made by 'run --project ADDRESS' (its plugins and loop settings are recorded) by a user who\n"
                                + "owns it. Ctrl-C stops it (exit 130); serving again continues."));
                return 0;
            }
            String location = options.require("project");
            if (!ProjectLocations.isAddress(location)) {
                throw new UsageException("--project " + location + ": serve needs a project on a PostgreSQL server "
                        + "(postgresql://HOST[:PORT]/DB?project=NAME); a folder has one person at a time: use run");
            }
            options.existingProject("project", location);
            Duration poll = Duration.ofSeconds(options.getInt("poll-seconds", 5, 1));
            UnaryOperator<LoopSettings> overrides = recorded -> recorded
                    .withMaxRounds(options.getInt("rounds", recorded.maxRounds(), 0))
                    .withTargetMiou(options.getDouble("target", recorded.targetMiou(), 0.01, 1.0));
            Runtime.getRuntime().addShutdownHook(stop);
            return serve(location, poll, overrides, cancelled, progress, out);
        } catch (UsageException | ContributionException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (OperationCanceledException e) {
            progress.breakLine();
            err.println("frameloop " + name() + ": stopped; every label the team stored is kept, and 'serve' again "
                    + "continues the round");
            return INTERRUPTED;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + FileErrors.describe(e));
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already (the hook is running), or it was never added
            }
        }
    }

    private static int serve(String location, Duration poll, UnaryOperator<LoopSettings> overrides,
            AtomicBoolean cancelled, ConsoleProgress progress, PrintStream out) throws IOException, ContributionException {
        PluginRegistry registry = PluginRegistry.ofPlatform();
        try (Project project = ProjectLocations.open(location, "cli serve")) {
            PostgresProjectStore team = (PostgresProjectStore) project; // an address opens a database project
            project.holdLoop();
            JsonObject settings = project.settings();
            RunPlugins plugins = LoopRunner.recordedPlugins(settings);
            Path videoPath = project.videoPath().orElseThrow(() -> new UsageException(location
                    + ": the project records no video path; make it with 'run --video DIR --project ADDRESS'"));
            Video video = VideoFiles.open(videoPath);
            try (RunAssembly run = RunAssembly.create(registry, plugins)) {
                LabelSequence truth = groundTruth(settings, video, project.labelMap());
                VideoSession session = RunAssembly.openProject(registry, project, video, plugins.flow(), truth);
                TeamAnnotator annotators = new TeamAnnotator(team, poll, cancelled::get);
                AnnotationLoop loop = run.journalTo(project, null).loop(session,
                        overrides.apply(LoopRunner.recordedSettings(settings)), annotators);
                loop.addListener(annotators);
                loop.addListener(new LoopListener() {
                    @Override
                    public void samplesChosen(int round, List<org.frameloop.core.sample.Sample> samples) {
                        progress.breakLine();
                        out.println(String.format(Locale.ROOT, "Round %d: %d samples for the team; waiting for their "
                                + "labels", round, samples.size()));
                    }
                });
                loop.addListener(RunReport.tablePrinter(out, progress));
                out.println(String.format(Locale.ROOT, "Serving %s as %s (%s, %d frames); woken by the database, "
                        + "looking again every %d s. Ctrl-C stops.", location, team.user(), video.name(),
                        video.frameCount(), poll.toSeconds()));
                LoopResult result = run.run(progress);
                progress.breakLine();
                out.println("Stopped: " + result.stopReason().description() + ".");
                return 0;
            } finally {
                if (video instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // the frames were only read
                    }
                }
            }
        }
    }

    /** The recorded ground truth when it is still there (the rounds then show the measured mIoU), else none. */
    private static LabelSequence groundTruth(JsonObject settings, Video video, LabelMap labelMap) {
        if (!settings.has("groundTruth")) {
            return null;
        }
        try {
            return ImageSequenceLabels.open(Path.of(settings.get("groundTruth").getAsString()), video, labelMap);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
