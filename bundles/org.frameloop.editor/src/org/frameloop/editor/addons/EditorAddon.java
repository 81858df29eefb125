package org.frameloop.editor.addons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.DemoProject;
import org.frameloop.editor.session.EditorPreferences;
import org.frameloop.editor.session.JobProgress;
import org.frameloop.editor.session.ProjectFolders;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Puts the IDE's {@link AnnotationWorkspace} and the {@link JobProgress} of all jobs into the application
 * context (parts and handlers get them injected), opens the demo when started with {@code --demo}, and saves and closes the project on exit.
 */
public class EditorAddon {

    /** The application argument that opens a generated video. */
    public static final String DEMO_ARGUMENT = "--demo";

    private AnnotationWorkspace workspace;
    private final JobProgress jobs = new JobProgress();

    @PostConstruct
    public void start(IEclipseContext context, IEventBroker broker) {
        workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        context.set(AnnotationWorkspace.class, workspace);
        jobs.install(Job.getJobManager());
        context.set(JobProgress.class, jobs);
        if (Arrays.asList(Platform.getApplicationArgs()).contains(DEMO_ARGUMENT)) {
            broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> openDemo(Display.getCurrent()));
        }
    }

    /** Generates the demo video and project off the UI thread, then opens it and starts the loop. */
    private void openDemo(Display display) {
        Job.create("Generating the demo video", monitor -> {
            try {
                Path root = ProjectFolders.workspaceFolder().resolve("demo");
                Path project = root.resolve("street-project");
                deleteRecursively(project); // the demo starts fresh every time; it holds no one's work
                Path video = DemoProject.writeVideo(root.resolve("street"), monitor);
                AnnotationProject opened = DemoProject.create(project, video, PluginRegistry.ofPlatform());
                display.asyncExec(() -> {
                    workspace.open(opened);
                    workspace.startLoop();
                });
                return Status.OK_STATUS;
            } catch (IOException | UncheckedIOException e) {
                display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), "Demo", e.getMessage()));
                return Status.error(e.getMessage(), e);
            }
        }).schedule();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @PreDestroy
    public void stop() {
        workspace.close();
        jobs.uninstall();
    }

}
