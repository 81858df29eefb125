package org.frameloop.core.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMap;

/**
 * Label PNGs in a folder (one per frame, natural file-name order, pixel value = class id) as a
 * {@link LabelSequence}, read on demand. Every id must be a class of the label map, its ignore id, or 255.
 */
public final class ImageSequenceLabels implements LabelSequence {

    private final List<Path> files;
    private final int width;
    private final int height;
    private final boolean[] allowed = new boolean[256];
    private final String classIds;

    private ImageSequenceLabels(List<Path> files, int width, int height, LabelMap labelMap) {
        this.files = files;
        this.width = width;
        this.height = height;
        labelMap.classes().forEach(c -> allowed[c.id()] = true);
        labelMap.ignoreId().ifPresent(id -> allowed[id] = true);
        allowed[LabelImage.UNLABELED] = true;
        classIds = labelMap.classes().stream().map(c -> Integer.toString(c.id())).collect(Collectors.joining(","))
                + labelMap.ignoreId().stream().mapToObj(id -> ", ignore " + id).collect(Collectors.joining());
    }

    /**
     * Label files are matched to frames by name (same name, extension .png or the frame's) when the
     * video is a folder of images whose names the label files share, as datasets ship them; otherwise by
     * natural order.
     *
     * @throws IOException naming the missing label file, or the folder when the counts differ
     */
    public static ImageSequenceLabels open(Path folder, Video video, LabelMap labelMap) throws IOException {
        List<Path> files = ImageSequenceVideo.imageFiles(folder);
        if (video instanceof ImageSequenceVideo frames && sharesNames(frames, files)) {
            List<Path> paired = new ArrayList<>(frames.frameCount());
            Map<String, Path> byStem = new HashMap<>();
            files.forEach(file -> byStem.put(stem(file), file));
            for (int i = 0; i < frames.frameCount(); i++) {
                Path label = byStem.remove(stem(frames.file(i)));
                if (label == null) {
                    throw new IOException(folder.resolve(stem(frames.file(i)) + ".png") + ": missing; frame "
                            + frames.file(i) + " has no label image");
                }
                paired.add(label);
            }
            if (!byStem.isEmpty()) {
                Path stray = byStem.values().stream().sorted().findFirst().orElseThrow();
                throw new IOException(stray + ": a label image with no frame of the same name in " + frames.folder());
            }
            files = paired;
        }
        if (files.size() != video.frameCount()) {
            throw new IOException(folder + ": " + files.size() + " label images for a video of " + video.frameCount()
                    + " frames; every frame needs one");
        }
        return new ImageSequenceLabels(files, video.width(), video.height(), labelMap);
    }

    private static boolean sharesNames(ImageSequenceVideo frames, List<Path> labels) {
        Set<String> stems = new HashSet<>();
        labels.forEach(file -> stems.add(stem(file)));
        for (int i = 0; i < frames.frameCount(); i++) {
            if (stems.contains(stem(frames.file(i)))) {
                return true;
            }
        }
        return false;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public int frameCount() {
        return files.size();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public Path file(int frameIndex) {
        return files.get(frameIndex);
    }

    /**
     * @throws UncheckedIOException naming the file when it is unreadable, of the wrong size, or holds ids the
     *                              label map does not have
     */
    @Override
    public LabelImage labels(int frameIndex) {
        Path file = files.get(frameIndex);
        try {
            LabelImage labels = ImageCodec.readLabels(file);
            if (labels.width() != width || labels.height() != height) {
                throw new IOException(file + ": label image is " + labels.width() + "x" + labels.height()
                        + " but the video's frames are " + width + "x" + height);
            }
            for (byte id : labels.ids()) {
                if (!allowed[id & 0xFF]) {
                    throw new IOException(file + ": label id " + (id & 0xFF) + " is not in the label map (classes "
                            + classIds + "; if it is the dataset's void / unlabelled value, mark it in the label map "
                            + "with \"ignore\": true, or use a preset such as camvid)");
                }
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
