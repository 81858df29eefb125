package org.frameloop.editor.session;

import java.nio.file.Path;
import java.util.Arrays;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.registry.PluginChoice;

/** What the tests of a team's project in the IDE start from: a small project's settings, and a trainer's labels. */
final class TeamFixtures {

    private TeamFixtures() {
    }

    /** A demo video's project settings: the propagation model on rectangles, two samples per round, no flow. */
    static ProjectSettings settings(Path video) {
        return new ProjectSettings(video, null, PluginChoice.of("propagation"), PluginChoice.of("rect"),
                PluginChoice.of("hybrid"), PluginChoice.of("none"), PluginChoice.of("polygon"), 2, 1);
    }

    /** Every frame's automatic labels as a trainer writes them after a round: {@code label} everywhere. */
    static LabelStore everywhere(int frames, int width, int height, int label) {
        LabelStore labels = new LabelStore(frames, width, height);
        byte[] ids = new byte[width * height];
        Arrays.fill(ids, (byte) label);
        for (int f = 0; f < frames; f++) {
            labels.putAuto(f, new LabelImage(width, height, ids.clone()));
        }
        return labels;
    }
}
