package org.frameloop.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.video.ImageSequenceVideo;

/**
 * A project's labels as exporters read them, one frame at a time: {@link #labels} is the merged label
 * (human where a person labelled, the model's elsewhere, 255 where neither), {@link #human} and
 * {@link #auto} are the two layers. An exporter that needs the layers (the provenance mask) checks for
 * this type.
 */
public final class ProjectLabels implements LabelSequence {

    /** Where a kind of project keeps its two label layers ({@code "human"}, {@code "auto"}). */
    public interface Layers {

        /**
         * The frame's labels of {@code layer}, checked against the project; empty when there are none.
         *
         * @throws IOException naming where they are when they are there but unusable
         */
        Optional<LabelImage> read(String layer, int frame) throws IOException;

        /** Where a layer is kept, for messages: {@code labels/auto/}, or a table. */
        String place(String layer);

        /** A frame's name within its layer, for messages: {@code 000042.png}, or {@code frame 42}. */
        String frameName(int frame);

        /** The exception that stops an export, naming where the layers are. */
        IOException refusal(String problem);
    }

    private final Project project;
    private final Layers layers;
    private List<String> frameNames;

    /** The labels of {@code project}, whose layers {@code layers} reads. */
    public ProjectLabels(Project project, Layers layers) {
        this.project = project;
        this.layers = layers;
    }

    public LabelMap labelMap() {
        return project.labelMap();
    }

    @Override
    public int frameCount() {
        return project.video().frameCount();
    }

    @Override
    public int width() {
        return project.video().width();
    }

    @Override
    public int height() {
        return project.video().height();
    }

    /**
     * A name for frame {@code frameIndex} in exported files: the source frame's file name without its
     * extension when the video is a folder of images ({@code Seq05VD_f00030}), so that exported masks pair
     * with their frames by name; otherwise, or when those names are not one per frame and unique (the
     * folder changed since the project was made), the frame number: {@code 000042}.
     */
    public synchronized String frameName(int frameIndex) {
        if (frameNames == null) {
            frameNames = sourceFrameNames();
        }
        return frameNames.isEmpty() ? String.format(Locale.ROOT, "%06d", frameIndex) : frameNames.get(frameIndex);
    }

    /** The image folder's file names without extension, in frame order; empty when they cannot name the frames. */
    private List<String> sourceFrameNames() {
        Optional<Path> video = project.videoPath().filter(Files::isDirectory);
        if (video.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            for (Path file : ImageSequenceVideo.imageFiles(video.get())) {
                String name = file.getFileName().toString();
                names.add(name.substring(0, name.lastIndexOf('.')));
            }
        } catch (IOException e) {
            return List.of(); // the frames moved away: numbers still name every frame
        }
        return names.size() == frameCount() && new HashSet<>(names).size() == names.size() ? List.copyOf(names)
                : List.of();
    }

    /**
     * Checks that every frame has labels to export: human labels covering the whole frame, or automatic
     * labels in a file that exists, is not empty and reads. Exports call this first: a frame the model never
     * predicted is refused by name rather than exported as an unlabelled frame.
     *
     * @throws ProjectException naming the frames and their files; nothing was exported
     */
    public void requireEveryFrameLabelled() throws IOException {
        List<Integer> missing = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int f = 0; f < frameCount(); f++) {
            Optional<LabelImage> human = layers.read("human", f);
            if (human.isPresent() && coversFrame(human.get())) {
                continue;
            }
            try {
                if (layers.read("auto", f).isEmpty()) {
                    missing.add(f);
                }
            } catch (IOException e) {
                unreadable.add(e.getMessage());
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            List<String> files = missing.stream().map(layers::frameName).toList();
            problems.add(missing.size() + " of " + frameCount() + " frames have no automatic labels (frames "
                    + FrameList.describe(missing) + ": " + layers.place("auto") + FrameList.someNames(files, 3)
                    + " missing or empty) and no complete human labels: the model has not predicted them. Continue "
                    + "the loop so it predicts every frame (run --resume, or F5 in the IDE; on a team's project the "
                    + "trainer, serve --project ADDRESS, does it), then export again.");
        }
        if (!unreadable.isEmpty()) {
            problems.add(unreadable.size() + " automatic label file(s) cannot be used: "
                    + FrameList.someNames(unreadable, 3) + ". The next prediction rewrites them; continue the loop, "
                    + "then export again.");
        }
        if (!problems.isEmpty()) {
            throw layers.refusal("cannot export every frame: " + String.join(" ", problems) + " Nothing was exported.");
        }
    }

    private static boolean coversFrame(LabelImage human) {
        for (byte id : human.ids()) {
            if (id == (byte) LabelImage.UNLABELED) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws UncheckedIOException naming the file when a human label file is damaged
     */
    @Override
    public LabelImage labels(int frameIndex) {
        LabelImage human = human(frameIndex);
        LabelImage auto = auto(frameIndex);
        byte[] merged = human.ids();
        byte[] model = auto.ids();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] == (byte) LabelImage.UNLABELED) {
                merged[i] = model[i];
            }
        }
        return human;
    }

    /** The frame's human labels (255 where nobody labelled). */
    public LabelImage human(int frameIndex) {
        return read("human", frameIndex, true);
    }

    /** The frame's automatic labels (255 where the model has not labelled it yet). */
    public LabelImage auto(int frameIndex) {
        return read("auto", frameIndex, false);
    }

    private LabelImage read(String layer, int frame, boolean mustBeReadable) {
        try {
            return layers.read(layer, frame).orElseGet(() -> LabelImage.unlabeled(width(), height()));
        } catch (IOException e) {
            if (mustBeReadable) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            return LabelImage.unlabeled(width(), height()); // derived data: treated as not predicted yet
        }
    }
}
