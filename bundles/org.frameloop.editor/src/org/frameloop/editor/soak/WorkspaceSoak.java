package org.frameloop.editor.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.render.OverlayRenderer;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.DemoVideo;
import org.frameloop.editor.session.EditorPreferences;
import org.frameloop.editor.session.ProjectFolders;
import org.frameloop.editor.session.ProjectSettings;
import org.frameloop.run.MemoryTrace;

/**
 * {@code ./frameloop soak-ide}: the IDE's side of a long session, without a display. Generates a long video
 * (the editor's {@link DemoVideo}, a clip repeated), makes it a project as the New Project wizard does, gives every frame
 * automatic labels as a finished round leaves them (labels/auto, here the ground truth), opens it in an
 * {@link AnnotationWorkspace} and walks every frame as the editor shows it: the frame decoded, its human and
 * automatic layers read and blended by the {@link OverlayRenderer} the video canvas uses. The Java heap after
 * a full GC and the resident set are sampled every few frames into OUT/soak-ide.csv.
 */
public final class WorkspaceSoak implements IApplication {

    private static final int CLIP_FRAMES = 100;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] arguments = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        return run(List.of(arguments), System.out, System.err);
    }

    @Override
    public void stop() {
        // runs to completion on the main thread
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> options = new java.util.HashMap<>(Map.of("frames", "10000", "size", "180x320",
                "sample-every", "500", "warm-up", "1000", "out", "frameloop-soak-ide"));
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (name.equals("--help") || !name.startsWith("--") || !options.containsKey(name.substring(2))
                    || i + 1 >= arguments.size()) {
                err.println("usage: ./frameloop soak-ide [--frames 10000] [--size 180x320] [--sample-every 500] "
                        + "[--warm-up 1000] [--out frameloop-soak-ide]");
                return name.equals("--help") ? 0 : 2;
            }
            options.put(name.substring(2), arguments.get(++i));
        }
        int frames;
        int height;
        int width;
        int sampleEvery;
        long warmUp;
        try {
            frames = Integer.parseInt(options.get("frames"));
            String[] size = options.get("size").split("x");
            height = Integer.parseInt(size[0]);
            width = Integer.parseInt(size[1]);
            sampleEvery = Integer.parseInt(options.get("sample-every"));
            warmUp = Long.parseLong(options.get("warm-up"));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            err.println("frameloop soak-ide: --frames, --sample-every and --warm-up take whole numbers, --size HEIGHTxWIDTH "
                    + "(e.g. 180x320); got " + options);
            return 2;
        }
        if (frames < 1 || height < 16 || width < 16 || sampleEvery < 1) {
            err.println("frameloop soak-ide: needs --frames >= 1, --size at least 16x16 and --sample-every >= 1; got " + options);
            return 2;
        }
        Path out_ = Path.of(options.get("out")).toAbsolutePath();
        Path videoFolder = out_.resolve("video");
        Path projectFolder = out_.resolve("project");
        Files.createDirectories(out_);

        long started = System.nanoTime();
        if (!Files.isRegularFile(videoFolder.resolve("labelmap.json"))) {
            out.println("Writing " + frames + " frames of " + width + "x" + height + " into " + videoFolder);
            writeLongVideo(videoFolder, frames, width, height, out_.resolve("clip"));
            out.println(String.format(Locale.ROOT, "  written in %.0f s", seconds(started)));
        }
        PluginRegistry registry = PluginRegistry.ofPlatform();
        if (!Files.isRegularFile(projectFolder.resolve("project.json"))) {
            ProjectSettings settings = new ProjectSettings(videoFolder, videoFolder.resolve("gt"),
                    PluginChoice.of("propagation"), PluginChoice.of("frame"), PluginChoice.of("coverage"),
                    PluginChoice.of(PluginChoice.NONE), PluginChoice.of("polygon"), 8, 20);
            ProjectFolders.create(projectFolder, settings, DemoVideo.labelMap(), registry).close();
            // every frame labelled by the model, as a finished round leaves the project
            Path auto = projectFolder.resolve("labels").resolve("auto");
            List<Path> truth;
            try (var files = Files.list(videoFolder.resolve("gt"))) {
                truth = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            }
            for (int f = 0; f < truth.size(); f++) {
                Files.copy(truth.get(f), auto.resolve(String.format(Locale.ROOT, "%06d.png", f)));
            }
        }

        MemoryTrace trace = new MemoryTrace("frame");
        Path csv = out_.resolve("soak-ide.csv");
        trace.sample(0);
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        long opening = System.nanoTime();
        workspace.open(ProjectFolders.open(projectFolder, registry));
        AnnotationProject project = workspace.project();
        VideoSession session = project.session();
        out.println(String.format(Locale.ROOT, "Opened %d frames of %dx%d in %.1f s (heap limit %d MiB)",
                session.frameCount(), session.width(), session.height(), seconds(opening),
                Runtime.getRuntime().maxMemory() >> 20));
        OverlayRenderer renderer = new OverlayRenderer(session.labelMap());
        byte[] buffer = null;
        long checksum = 0;
        long walking = System.nanoTime();
        for (int f = 0; f < session.frameCount(); f++) {
            workspace.showFrame(f);
            LabelStore labels = session.labels();
            LabelImage human = labels.hasHuman(f) ? labels.human(f) : null;
            buffer = renderer.render(session.frame(f), human, labels.auto(f), workspace.opacityPercent(),
                    workspace.currentRegionInView(), buffer);
            checksum += buffer[buffer.length / 2] + (Float.isNaN(workspace.uncertainty(f)) ? 0 : 1)
                    + (long) workspace.estimatedAccuracy(f);
            if ((f + 1) % sampleEvery == 0 || f == session.frameCount() - 1) {
                MemoryTrace.Sample sample = trace.sample(f + 1);
                out.println(String.format(Locale.ROOT, "frame %d (%.0f frames/s): heap after GC %d MiB, resident %d MiB",
                        f + 1, (f + 1) / seconds(walking), sample.heapAfterGcBytes() >> 20, sample.residentBytes() >> 20));
                trace.writeCsv(csv);
            }
        }
        workspace.close();
        trace.writeCsv(csv);
        MemoryTrace.Summary summary = trace.summary(warmUp);
        out.println("Soak (IDE walk, checksum " + checksum + "): " + summary.describe("frame") + "; "
                + (summary.heapFlat(16L << 20) ? "flat (heap within 16 MiB of the warm-up)"
                        : "GROWING (heap beyond 16 MiB over the warm-up)") + ". Trace: " + csv);
        return 0;
    }

    /**
     * A {@link DemoVideo} clip of {@value #CLIP_FRAMES} frames repeated to {@code frames} frames by copying its
     * files (generating 10,000 distinct frames would take longer than the walk); every frame is still its own
     * file, decoded and labelled on its own.
     */
    private static void writeLongVideo(Path videoFolder, int frames, int width, int height, Path clipFolder)
            throws IOException {
        DemoVideo.write(clipFolder, Math.min(CLIP_FRAMES, frames), width, height);
        Files.createDirectories(videoFolder.resolve("gt"));
        for (int f = 0; f < frames; f++) {
            String clipName = String.format(Locale.ROOT, "frame_%04d.png", f % CLIP_FRAMES);
            String name = String.format(Locale.ROOT, "frame_%05d.png", f);
            Files.copy(clipFolder.resolve(clipName), videoFolder.resolve(name));
            Files.copy(clipFolder.resolve("gt").resolve(clipName), videoFolder.resolve("gt").resolve(name));
        }
        Files.copy(clipFolder.resolve("labelmap.json"), videoFolder.resolve("labelmap.json"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
