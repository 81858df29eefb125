package org.frameloop.editor.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.frameloop.run.DefaultPlugins;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The IDE's defaults (Window > Preferences) and the recent-project list, kept in the Equinox instance
 * preferences of the workspace. Plugin parameters are not among them: a new project's model, granularity
 * and selector start at the defaults their plugin.xml declares, as on the command line.
 */
public final class EditorPreferences {

    public static final String SAMPLES_PER_ROUND = "samplesPerRound";
    public static final String GRANULARITY = "granularity";
    public static final String OVERLAY_OPACITY = "overlayOpacityPercent";
    public static final String MAX_ROUNDS = "maxRounds";
    public static final String BRUSH_SIZE = "brushSizePx";
    private static final String RECENT = "recentProjects";
    private static final int RECENT_COUNT = 8;

    private final IEclipsePreferences node;

    public EditorPreferences(IEclipsePreferences node) {
        this.node = node;
    }

    /** The preferences of the running workspace. */
    public static EditorPreferences ofInstance() {
        return new EditorPreferences(InstanceScope.INSTANCE.getNode("org.frameloop.editor"));
    }

    public int samplesPerRound() {
        return node.getInt(SAMPLES_PER_ROUND, 8);
    }

    public String granularity() {
        return node.get(GRANULARITY, DefaultPlugins.GRANULARITY);
    }

    public int overlayOpacityPercent() {
        return node.getInt(OVERLAY_OPACITY, 50);
    }

    public int maxRounds() {
        return node.getInt(MAX_ROUNDS, 20);
    }

    public int brushSizePx() {
        return node.getInt(BRUSH_SIZE, 12);
    }

    /** Stores the defaults (values are checked by the preference page). */
    public void store(int samples, String granularityId, int opacity, int rounds) {
        node.putInt(SAMPLES_PER_ROUND, samples);
        node.put(GRANULARITY, granularityId);
        node.putInt(OVERLAY_OPACITY, opacity);
        node.putInt(MAX_ROUNDS, rounds);
        flush();
    }

    /** Recently opened project folders, newest first. */
    public List<Path> recentProjects() {
        List<Path> projects = new ArrayList<>();
        for (String line : node.get(RECENT, "").split("\n")) {
            if (!line.isBlank()) {
                projects.add(Path.of(line));
            }
        }
        return projects;
    }

    public void addRecentProject(Path folder) {
        List<Path> projects = recentProjects();
        Path absolute = folder.toAbsolutePath().normalize();
        projects.remove(absolute);
        projects.add(0, absolute);
        StringBuilder text = new StringBuilder();
        projects.stream().limit(RECENT_COUNT).forEach(p -> text.append(p).append('\n'));
        node.put(RECENT, text.toString());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: an unwritable workspace must not stop the annotator
        }
    }
}
