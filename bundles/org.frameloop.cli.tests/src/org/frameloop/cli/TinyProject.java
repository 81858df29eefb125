package org.frameloop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.sample.Region;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;

/** A healthy project of 3 frames of 8x6 on {@link TinyVideo#MAP}: every frame predicted road, frame 1 labelled by hand. */
final class TinyProject {

    static final int FRAMES = 3;
    static final int WIDTH = 8;
    static final int HEIGHT = 6;

    private TinyProject() {
    }

    static Path write(Path folder) throws IOException {
        try (ProjectStore store = ProjectStore.create(folder, new VideoInfo("v", null, FRAMES, WIDTH, HEIGHT),
                TinyVideo.MAP, Map.of())) {
            LabelStore labels = new LabelStore(FRAMES, WIDTH, HEIGHT);
            for (int f = 0; f < FRAMES; f++) {
                labels.putAuto(f, new LabelImage(WIDTH, HEIGHT, new byte[WIDTH * HEIGHT]));
                store.writeAutoLabels(f, labels, TinyVideo.MAP);
            }
            labels.putHuman(1, new Region.Rectangle(0, 0, 4, 4), new LabelImage(WIDTH, HEIGHT, new byte[WIDTH * HEIGHT]));
            store.writeHumanLabels(1, labels, TinyVideo.MAP);
        }
        return folder;
    }
}
