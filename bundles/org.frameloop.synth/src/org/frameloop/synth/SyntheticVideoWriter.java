package org.frameloop.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.synth.internal.RenderedFrame;

/**
 * Writes a synthetic video in the standard video-with-ground-truth layout:
 * <pre>
 * dir/000000.png ...        RGB frames
 * dir/gt/000000.png ...     8-bit indexed label PNGs (pixel value = class id, palette = class colours)
 * dir/labelmap.json         the classes
 * dir/synth.json            the spec, to regenerate the video exactly
 * </pre>
 * Every file is written atomically; a cancelled write leaves the files finished so far.
 */
public final class SyntheticVideoWriter {

    /** Name of the spec file in a written video folder. */
    public static final String SPEC_FILE = "synth.json";
    public static final String LABEL_MAP_FILE = "labelmap.json";
    public static final String GROUND_TRUTH_FOLDER = "gt";

    private SyntheticVideoWriter() {
    }

    /**
     * @throws IOException                naming the file that could not be written
     * @throws OperationCanceledException when {@code monitor} is cancelled
     */
    public static void write(SyntheticVideo video, Path dir, IProgressMonitor monitor) throws IOException {
        int frameCount = video.frameCount();
        SubMonitor progress = SubMonitor.convert(monitor, "Writing " + video.name() + " to " + dir, frameCount + 1);
        Path groundTruthDir = dir.resolve(GROUND_TRUTH_FOLDER);
        try {
            Files.createDirectories(groundTruthDir);
        } catch (IOException e) {
            throw new IOException(groundTruthDir + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
        LabelMapJson.write(dir.resolve(LABEL_MAP_FILE), video.labelMap());
        AtomicFiles.writeString(dir.resolve(SPEC_FILE), video.spec().toJson());
        progress.split(1);
        for (int frameIndex = 0; frameIndex < frameCount; frameIndex++) {
            progress.split(1).subTask("frame " + (frameIndex + 1) + " of " + frameCount);
            RenderedFrame frame = video.rendered(frameIndex);
            String fileName = frameFileName(frameIndex);
            ImageCodec.writeRgb(dir.resolve(fileName), frame.image());
            ImageCodec.writeLabels(groundTruthDir.resolve(fileName), frame.labels(), video.labelMap());
        }
    }

    /** {@code 000042.png} for frame 42: six digits, so names sort in frame order. */
    public static String frameFileName(int frameIndex) {
        return String.format(Locale.ROOT, "%06d.png", frameIndex);
    }
}
