package org.frameloop.editor.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.video.Video;
import org.frameloop.io.ProjectStore;
import org.frameloop.run.RunAssembly;

/**
 * An open project: its folder and store, the video session (frames, labels, ledger, flow, ground truth)
 * and the plugins its settings name. Human labels and ledger entries are saved as each sample is
 * finished (the store journals the ledger); reopening restores both, ledger totals included, and the
 * reports of the rounds finished so far.
 */
public final class AnnotationProject implements AutoCloseable {

    /**
     * Held while this project's label files are written or read as a whole (a finished round's automatic
     * labels; an export), so that an export never mixes the labels of two rounds.
     */
    private final ISchedulingRule labelFiles = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    public ISchedulingRule labelFilesRule() {
        return labelFiles;
    }

    private final Path folder;
    private final ProjectSettings settings;
    private final ProjectStore store;
    private final VideoSession session;
    private final PluginRegistry registry;
    private final Video video;
    private final List<RoundReport> journaledRounds;
    private Granularity granularity;

    AnnotationProject(Path folder, ProjectSettings settings, ProjectStore store, Video video,
            LabelSequence groundTruth, PluginRegistry registry) throws IOException {
        this.folder = folder;
        this.settings = settings;
        this.store = store;
        this.registry = registry;
        this.video = video;
        try {
            // labels and ledger as saved, journaling from now on: the same session the command line resumes
            this.session = RunAssembly.openProject(registry, store, video, settings.flow(), groundTruth);
        } catch (ContributionException e) {
            throw new IOException(folder + ": " + e.getMessage(), e);
        }
        this.journaledRounds = store.roundReports();
    }

    /** The reports of the rounds finished before this project was opened, as its journal keeps them. */
    public List<RoundReport> journaledRounds() {
        return journaledRounds;
    }

    public Path folder() {
        return folder;
    }

    public String name() {
        return folder.getFileName().toString();
    }

    public ProjectSettings settings() {
        return settings;
    }

    public ProjectStore store() {
        return store;
    }

    public VideoSession session() {
        return session;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The project's granularity (one instance: it caches superpixels per frame). */
    public synchronized Granularity granularity() throws ContributionException {
        if (granularity == null) {
            granularity = createContribution(ExtensionPoint.GRANULARITIES, settings.granularity());
        }
        return granularity;
    }

    /** A fresh instance of the contribution {@code choice} names. */
    public <T> T createContribution(ExtensionPoint<T> point, PluginChoice choice)
            throws ContributionException {
        Contribution<T> contribution = registry.find(point, choice.id())
                .orElseThrow(() -> new ContributionException("no " + point.elementName() + " '" + choice.id()
                        + "' is installed; installed: " + registry.contributions(point).stream().map(Contribution::id).toList(),
                        null));
        return contribution.create(choice.parameters());
    }

    /** Saves a frame's human labels now (atomic), e.g. after edits outside the loop's samples. */
    public void saveHumanLabels(int frameIndex) throws IOException {
        store.writeHumanLabels(frameIndex, session.labels(), session.labelMap());
    }

    /** Parameter values by name, for messages. */
    static String describe(Map<String, String> parameters) {
        return parameters.isEmpty() ? "" : " " + parameters;
    }

    @Override
    public void close() throws IOException {
        try {
            store.close();
        } finally {
            ProjectFolders.closeQuietly(video); // a video file's decoder holds native memory
        }
    }
}
