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
import org.frameloop.io.Project;
import org.frameloop.io.ProjectStore;
import org.frameloop.run.RunAssembly;
import org.frameloop.store.postgres.TeamClient;

/**
 * An open project: its folder and store, the video session (frames, labels, ledger, flow, ground truth)
 * and the plugins its settings name. Human labels and ledger entries are saved as each sample is
 * finished (the store journals the ledger); reopening restores both, ledger totals included, and the
 * reports of the rounds finished so far.
 * <p>
 * A team's project on a PostgreSQL server ({@link #team}) has no folder: the IDE is not its loop
 * ({@code frameloop serve} is), and the person's samples come and go through its {@link TeamClient}
 * ({@link TeamJob}).
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
    private final String name;
    private final ProjectSettings settings;
    private final Project store;
    private final TeamClient team;
    private final VideoSession session;
    private final PluginRegistry registry;
    private final Video video;
    private final List<RoundReport> journaledRounds;
    private Granularity granularity;

    AnnotationProject(Path folder, ProjectSettings settings, ProjectStore store, Video video,
            LabelSequence groundTruth, PluginRegistry registry) throws IOException {
        this(folder, folder.getFileName().toString(), settings, store, null, video, groundTruth, registry);
    }

    /**
     * A team's project: {@code team} is the client over {@code store} that leases and stores the person's
     * samples; the session shows the project's labels as read now (no optical flow: the trainer computes it).
     */
    AnnotationProject(String name, ProjectSettings settings, Project store, TeamClient team, Video video,
            PluginRegistry registry) throws IOException {
        this(null, name, settings.withFlow(PluginChoice.of(PluginChoice.NONE)), store, team, video, null, registry);
    }

    private AnnotationProject(Path folder, String name, ProjectSettings settings, Project store, TeamClient team,
            Video video, LabelSequence groundTruth, PluginRegistry registry) throws IOException {
        this.folder = folder;
        this.name = name;
        this.settings = settings;
        this.store = store;
        this.team = team;
        this.registry = registry;
        this.video = video;
        try {
            // labels and ledger as saved, journaling from now on: the same session the command line resumes
            this.session = RunAssembly.openProject(registry, store, video, settings.flow(), groundTruth);
        } catch (ContributionException e) {
            throw new IOException(store.location() + ": " + e.getMessage(), e);
        }
        this.journaledRounds = store.roundReports();
    }

    /** The reports of the rounds finished before this project was opened, as its journal keeps them. */
    public List<RoundReport> journaledRounds() {
        return journaledRounds;
    }

    /** The project folder; null for a team's project on a server ({@link #location}). */
    public Path folder() {
        return folder;
    }

    /** Where the project is, as a person names it: its folder, or its address (never with a password). */
    public String location() {
        return store.location();
    }

    public String name() {
        return name;
    }

    /** The client a team's project is worked through; null for a folder, whose loop the IDE runs. */
    public TeamClient team() {
        return team;
    }

    public boolean isTeam() {
        return team != null;
    }

    public ProjectSettings settings() {
        return settings;
    }

    public Project store() {
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

    /**
     * Saves a frame's human labels now (atomic), e.g. after edits outside the loop's samples. A team's project
     * stores labels only with their sample ({@link TeamClient#submit}), so this does nothing there.
     */
    public void saveHumanLabels(int frameIndex) throws IOException {
        if (store instanceof ProjectStore folderStore) {
            folderStore.writeHumanLabels(frameIndex, session.labels(), session.labelMap());
        }
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
