package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginFailure;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.io.Project;
import org.frameloop.run.ProjectLocations;

/** {@code ./frameloop export}: a project's labels in a standard format, through a {@code formats} exporter. */
final class ExportCommand implements CliCommand {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a project's labels (palette PNG masks, COCO RLE, CVAT video XML, provenance)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        PluginRegistry registry = PluginRegistry.ofPlatform();
        Options options = new Options(name()).option("project", "DIR|ADDRESS", "the project folder, or postgresql://HOST[:PORT]/DB?project=NAME")
                .option("format", "ID", "exporter id: " + ids(registry))
                .repeatable("format-param", "K=V", "a parameter of the exporter, e.g. tolerancePx=0")
                .option("out", "DIR", "output folder (created; files appear atomically)");
        try {
            options.parse(arguments);
            if (options.has("help")) {
                out.print(options.help("--project DIR --format ID --out DIR",
                        "Writes every frame's labels (human where a person labelled, the model's elsewhere) in a\n"
                                + "standard format. A frame without the model's labels (and not labelled by hand\n"
                                + "everywhere) stops the export, naming the frames: nothing is exported blank.\n"
                                + "Formats are plugins (org.frameloop.core.formats).")
                        + new ContributionHelp().role(ExtensionPoint.EXPORTERS, "--format ID, --format-param K=V")
                                .describe(registry));
                return 0;
            }
            String location = options.existingProject("project", options.require("project"));
            String formatId = options.require("format");
            Path given = Path.of(options.require("out"));
            Contribution<LabelExporter> contribution = registry.find(ExtensionPoint.EXPORTERS, formatId)
                    .orElseThrow(() -> new UsageException("no exporter '" + formatId + "'; installed: " + ids(registry)));
            // guarded: an exporter that throws is named by id and bundle, and fails this export only
            LabelExporter exporter = contribution.createGuarded(options.keyValues("format-param"));
            // held for the export: no writer changes labels while they are read
            try (Project project = ProjectLocations.open(location, "cli export")) {
                project.notes().forEach(note -> out.println("Project: " + note));
                project.labels().requireEveryFrameLabelled();
                Path target = OutputFolder.prepare("out", given);
                long started = System.nanoTime();
                ConsoleProgress progress = new ConsoleProgress(out);
                exporter.export(project.labels(), project.labelMap(), target, progress);
                progress.breakLine();
                double millis = (System.nanoTime() - started) / 1e6;
                out.println(String.format(Locale.ROOT, "Exported %d frames as %s to %s in %.0f ms (%.1f ms per frame).",
                        project.video().frameCount(), formatId, target, millis, millis / project.video().frameCount()));
            }
            return 0;
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (ContributionException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (PluginFailure e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                err.println("frameloop " + name() + ": " + FileErrors.describe(io));
            } else {
                err.println("frameloop " + name() + ": " + e.getMessage());
                err.println("The project is unchanged; --out may hold part of the export.");
            }
            return 1;
        } catch (OperationCanceledException e) {
            err.println("frameloop " + name() + ": cancelled; files already written are complete, the rest are missing");
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + FileErrors.describe(e));
            return 1;
        }
    }

    private static String ids(PluginRegistry registry) {
        return registry.contributions(ExtensionPoint.EXPORTERS).stream().map(Contribution::id).toList().toString();
    }
}
