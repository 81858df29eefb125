package org.frameloop.editor.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectLabels;
import org.frameloop.run.ProjectLocations;

/**
 * File > Export as a job: saves the person's labels, then runs a {@code formats} exporter (the same one
 * {@code ./frameloop export} runs, on the same project files) into a hidden staging folder beside the
 * output folder, and only when it completed moves the files into place, each in one step. A cancelled
 * or failed export leaves the output folder as it was. A team's project is read through a connection of the
 * export's own, as {@code ./frameloop export --project ADDRESS} reads it: the labels the team stored.
 */
public final class ExportJob extends Job {

    private static final String PLUGIN_ID = "org.frameloop.editor";

    private final AnnotationProject project;
    private final Contribution<LabelExporter> format;
    private final Map<String, String> parameters;
    private final Path target;

    public ExportJob(AnnotationProject project, Contribution<LabelExporter> format, Map<String, String> parameters,
            Path target) {
        super("Export " + project.name() + " as " + format.name());
        this.project = project;
        this.format = format;
        this.parameters = Map.copyOf(parameters);
        this.target = target.toAbsolutePath().normalize();
        setUser(true);
        setRule(project.labelFilesRule()); // waits for a round's labels to be written completely
    }

    /** The export formats installed ({@code org.frameloop.core.formats} exporters), by name. */
    public static List<Contribution<LabelExporter>> formats(PluginRegistry registry) {
        return registry.contributions(ExtensionPoint.EXPORTERS).stream()
                .sorted(Comparator.comparing(Contribution::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Path target() {
        return target;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == project;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
        try {
            LabelExporter exporter = format.create(parameters);
            int files;
            if (project.isTeam()) {
                // the team job's connection is busy with leases and news: read through one of this export's own,
                // as ./frameloop export --project ADDRESS does; the labels are what the team stored
                progress.subTask("Reading " + project.location());
                try (Project own = ProjectLocations.open(project.location(), ProjectFolders.WRITER)) {
                    progress.split(5);
                    files = export(exporter, own.labels(), own.labelMap(), progress);
                }
            } else {
                saveHumanLabels(progress.split(5));
                files = export(exporter, project.store().labels(), project.session().labelMap(), progress);
            }
            return new Status(IStatus.OK, PLUGIN_ID, String.format(Locale.ROOT, "Exported %d frames of %s as %s: %d files in %s",
                    project.session().frameCount(), project.name(), format.name(), files, target));
        } catch (OperationCanceledException e) {
            return new Status(IStatus.CANCEL, PLUGIN_ID, "Export cancelled: " + target + " was left as it was");
        } catch (ContributionException e) {
            return Status.error(format.id() + ": " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            return Status.error("Cannot export to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the exporter is a plugin: report it by name, the project and the output folder are untouched
            return Status.error(String.format(Locale.ROOT, "The exporter %s (%s) failed on %s: %s", format.id(),
                    format.bundleName(), project.name(), e), e);
        }
    }

    /**
     * Exports {@code labels} into a hidden staging folder beside the target and moves the files into place once
     * complete; returns how many.
     */
    private int export(LabelExporter exporter, ProjectLabels labels, LabelMap labelMap, SubMonitor progress)
            throws IOException {
        labels.requireEveryFrameLabelled(); // never a blank frame for one not predicted
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // not createTempDirectory: its owner-only permissions would stay with the published folder
        Path staging = Files.createDirectory(parent.resolve("." + target.getFileName() + ".export-" + UUID.randomUUID()));
        try {
            exporter.export(labels, labelMap, staging, progress.split(90));
            return publish(staging, progress.split(5));
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Edits of the frame in hand may not be on disk yet; the exporter reads the project's files. */
    private void saveHumanLabels(SubMonitor monitor) throws IOException {
        int frames = project.session().frameCount();
        monitor.setWorkRemaining(frames);
        for (int f = 0; f < frames; f++) {
            monitor.checkCanceled();
            if (project.session().labels().hasHuman(f)) {
                project.saveHumanLabels(f);
            }
            monitor.worked(1);
        }
    }

    /** Moves the finished export into {@code target}: the whole folder when it is new, else file by file. */
    private int publish(Path staging, SubMonitor monitor) throws IOException {
        monitor.checkCanceled();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            files = walk.filter(Files::isRegularFile).map(staging::relativize).sorted().toList();
        }
        if (!Files.exists(target)) {
            move(staging, target);
            return files.size();
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder");
        }
        // From here on the export completes even if cancelled: every file is whole, none is half-moved.
        for (Path file : files) {
            Path destination = target.resolve(file.toString());
            Files.createDirectories(destination.getParent());
            move(staging.resolve(file), destination);
        }
        return files.size();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a hidden leftover beside the output; the export's own result says what matters
        }
    }
}
