package org.frameloop.model.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.frameloop.core.internal.io.NaturalOrder;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.LabelledVideoFolder;

/**
 * Labelled frames for pretraining, found in the layouts Frameloop meets on disk:
 * <ul>
 * <li>a synthetic video: a folder of frames with {@code gt/} (label PNGs named like the frames, or
 * with the frame's name and extension .png) and {@code labelmap.json};</li>
 * <li>a CamVid sequence: {@code images/} and {@code labels/} with the same file names, and
 * {@code labelmap.json} in the sequence folder or its parent;</li>
 * <li>a folder whose sub-folders are any of the above (a dataset of several sequences).</li>
 * </ul>
 * Label ids that the label map does not list (CamVid's void 11) are ignored by the losses.
 */
final class TrainingSet {

    static final String LABEL_MAP_FILE = LabelledVideoFolder.LABEL_MAP_FILE;

    /** One training frame and its label image. */
    record Sample(Path image, Path labels) {
    }

    final List<Sample> samples;
    final LabelMap labelMap;
    /** The folders, for the checkpoint's training history. */
    final String description;

    private TrainingSet(List<Sample> samples, LabelMap labelMap, String description) {
        this.samples = List.copyOf(samples);
        this.labelMap = labelMap;
        this.description = description;
    }

    /**
     * @throws IOException naming the folder or file when a layout is not recognised, a label image is
     *                     missing, or two folders disagree about the classes
     */
    static TrainingSet open(List<Path> folders) throws IOException {
        if (folders.isEmpty()) {
            throw new IOException("no training folders given");
        }
        List<Sample> samples = new ArrayList<>();
        LabelMap[] labelMap = new LabelMap[1];
        Path[] labelMapSource = new Path[1];
        for (Path folder : folders) {
            collect(folder, samples, labelMap, labelMapSource, true);
        }
        if (samples.isEmpty()) {
            throw new IOException(folders + ": no labelled frames found");
        }
        return new TrainingSet(samples, labelMap[0], String.join(", ", folders.stream().map(Path::toString).toList()));
    }

    private static void collect(Path folder, List<Sample> samples, LabelMap[] labelMap, Path[] labelMapSource,
            boolean mayDescend) throws IOException {
        boolean sequence = Files.isDirectory(folder.resolve("gt"))
                || (Files.isDirectory(folder.resolve("images")) && Files.isDirectory(folder.resolve("labels")));
        if (sequence) {
            LabelledVideoFolder layout = LabelledVideoFolder.of(folder);
            addLabelMap(layout.labelMapFile().orElse(folder.resolve(LABEL_MAP_FILE)), labelMap, labelMapSource);
            // The same pairing as every other reader of labelled videos: by file name, the missing file named.
            ImageSequenceVideo frames = ImageSequenceVideo.open(layout.frames());
            ImageSequenceLabels labels = ImageSequenceLabels.open(layout.groundTruth(), frames, labelMap[0]);
            for (int f = 0; f < frames.frameCount(); f++) {
                samples.add(new Sample(frames.file(f), labels.file(f)));
            }
        } else if (mayDescend && Files.isDirectory(folder)) {
            int before = samples.size();
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.filter(Files::isDirectory)
                        .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.toString(), b.toString())).toList()) {
                    if (Files.isDirectory(child.resolve("gt")) || Files.isDirectory(child.resolve("images"))) {
                        collect(child, samples, labelMap, labelMapSource, false);
                    }
                }
            }
            if (samples.size() == before) {
                throw new IOException(folder + ": neither a video folder with gt/ and " + LABEL_MAP_FILE
                        + ", nor a CamVid sequence with images/ and labels/, nor a folder of such");
            }
        } else {
            throw new IOException(folder + ": no such training folder");
        }
    }

    private static void addLabelMap(Path file, LabelMap[] labelMap, Path[] source) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing; a training folder needs a label map (JSON list of {id, name, color})");
        }
        LabelMap read = LabelMapJson.read(file);
        if (labelMap[0] == null) {
            labelMap[0] = read;
            source[0] = file;
        } else if (!UNetNetwork.sameClasses(labelMap[0], read)) {
            throw new IOException(file + ": its classes differ from those of " + source[0]
                    + "; pretrain on folders that share one label map");
        }
    }
}
