package org.frameloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.bench.VideoSuite;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.synth.SyntheticVideoWriter;

/**
 * The bench's default videos: target-style synthetic driving videos (the style the shipped model was
 * not pretrained on), with seeds apart from the pretraining videos'.
 */
final class SyntheticSuite implements VideoSuite {

    static final int VIDEOS = 3;
    static final int FRAMES = 120;
    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final long FIRST_SEED = 11;

    @Override
    public String description() {
        return VIDEOS + " target-style synthetic videos (org.frameloop.synth), " + FRAMES + " frames of " + WIDTH + "x"
                + HEIGHT + " at 25 fps, seeds " + FIRST_SEED + ".." + (FIRST_SEED + VIDEOS - 1);
    }

    @Override
    public List<Path> prepare(Path folder, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Generating the synthetic suite", VIDEOS);
        List<Path> folders = new ArrayList<>();
        for (int v = 0; v < VIDEOS; v++) {
            SyntheticVideoSpec spec = SyntheticVideoSpec.of(WIDTH, HEIGHT, FRAMES, FIRST_SEED + v,
                    SyntheticVideoSpec.Style.TARGET);
            Path target = folder.resolve("target-seed" + spec.seed());
            Path specFile = target.resolve(SyntheticVideoWriter.SPEC_FILE);
            if (Files.isRegularFile(specFile) && SyntheticVideoSpec.read(specFile).equals(spec)) {
                progress.split(1);
            } else {
                SyntheticVideoWriter.write(new SyntheticVideo(spec), target, progress.split(1));
            }
            folders.add(target);
        }
        return folders;
    }
}
