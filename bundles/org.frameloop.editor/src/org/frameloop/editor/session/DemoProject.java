package org.frameloop.editor.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.run.DefaultPlugins;
import org.frameloop.synth.SyntheticScenes;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.synth.SyntheticVideoWriter;

/**
 * The project {@code ./frameloop ide --demo} opens, in one place for the IDE and the figures measured on it: a
 * 40-frame target-style synthetic street with ground truth, the default model, 32-pixel tiles, six samples a round.
 */
public final class DemoProject {

    /** A target-style synthetic street: the style the shipped model was not pretrained on. */
    public static final SyntheticVideoSpec VIDEO = SyntheticVideoSpec.of(320, 180, 40, 7, SyntheticVideoSpec.Style.TARGET);

    private DemoProject() {
    }

    /** Writes the demo video (frames, {@code gt/}) into {@code folder} unless the same video is there already. */
    public static Path writeVideo(Path folder, IProgressMonitor monitor) throws IOException {
        Path specFile = folder.resolve(SyntheticVideoWriter.SPEC_FILE);
        if (!Files.isRegularFile(specFile) || !SyntheticVideoSpec.read(specFile).equals(VIDEO)) {
            SyntheticVideoWriter.write(new SyntheticVideo(VIDEO), folder, monitor);
        }
        return folder;
    }

    /** Creates the demo project in {@code folder} (which must not exist) on the video {@link #writeVideo} wrote. */
    public static AnnotationProject create(Path folder, Path video, PluginRegistry registry) throws IOException {
        // the demo shows 32-pixel tiles: small samples are what the loop is about
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"),
                PluginChoice.of(DefaultPlugins.modelId(registry)), new PluginChoice("rect", Map.of("sizePx", "32")),
                PluginChoice.of(DefaultPlugins.SELECTOR), PluginChoice.of(DefaultPlugins.FLOW),
                PluginChoice.of(DefaultPlugins.CLICK_COST), 6, 1);
        return ProjectFolders.create(folder, settings, SyntheticScenes.labelMap(), registry);
    }
}
