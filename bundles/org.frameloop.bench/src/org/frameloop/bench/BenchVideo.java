package org.frameloop.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.frameloop.core.image.Downscale;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.LabelledVideoFolder;
import org.frameloop.core.video.Video;

/**
 * A video the bench runs on, in either layout of {@link LabelledVideoFolder}: frames in {@code DIR} with
 * ground truth in {@code DIR/gt} and {@code DIR/labelmap.json}, or a dataset sequence with
 * {@code DIR/images}, {@code DIR/labels} and the label map beside them or in the parent folder (CamVid).
 *
 * @param name names its result folders; unique within one bench
 */
public record BenchVideo(String name, Path folder, Video video, LabelSequence groundTruth, LabelMap labelMap) {

    /**
     * @throws FileNotFoundException naming the folder or file that is missing
     * @throws IOException           when a frame, label image or the label map cannot be read
     */
    public static BenchVideo open(Path folder) throws IOException {
        return open(folder, folder.toAbsolutePath().normalize().getFileName().toString(), null);
    }

    /**
     * Opens every folder; videos whose folders share a name get {@code -2}, {@code -3}... so that each has
     * its own result folders.
     *
     * @param labelMap the label map of every video (e.g. a preset), or null to read each one's own
     */
    public static List<BenchVideo> openAll(List<Path> folders, LabelMap labelMap) throws IOException {
        List<BenchVideo> videos = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path folder : folders) {
            String base = folder.toAbsolutePath().normalize().getFileName().toString();
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + "-" + n;
            }
            videos.add(open(folder, name, labelMap));
        }
        return videos;
    }

    /** @param labelMap the label map to use, or null to read the one beside the video */
    public static BenchVideo open(Path folder, String name, LabelMap labelMap) throws IOException {
        LabelledVideoFolder layout = LabelledVideoFolder.of(folder);
        if (labelMap == null) {
            Path file = layout.labelMapFile().orElseThrow(() -> new FileNotFoundException(folder
                    + ": no label map (the bench needs DIR/labelmap.json, a labelmap.json in the parent folder for the "
                    + "images/ + labels/ layout, or --labels NAME|FILE)"));
            labelMap = LabelMapJson.read(file);
        }
        ImageSequenceVideo video = ImageSequenceVideo.open(layout.frames());
        return new BenchVideo(name, folder, video, ImageSequenceLabels.open(layout.groundTruth(), video, labelMap),
                labelMap);
    }

    /**
     * This video at 1/factor of its size (frames box-filtered, labels by block majority), named with its new
     * size so that its results and caches never mix with the full-size video's.
     */
    public BenchVideo downscaled(int factor) {
        Video small = Downscale.video(video, factor);
        return new BenchVideo(name + "-" + small.width() + "x" + small.height(), folder, small,
                Downscale.labels(groundTruth, factor), labelMap);
    }

    /** The ignore id of the label map, or -1. */
    public int ignoreId() {
        return labelMap.ignoreId().orElse(-1);
    }
}
