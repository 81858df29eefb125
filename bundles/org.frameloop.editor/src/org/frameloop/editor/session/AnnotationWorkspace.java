package org.frameloop.editor.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;

/**
 * What the IDE is working on, without any SWT: the open project, the frame in view, the tool and class,
 * overlay settings, the sample queue, the undo history, the running loop and the rounds so far. Parts and
 * handlers share this one object (the application context holds it) and follow it through
 * {@link Listener}s, which may be called on any thread.
 */
public final class AnnotationWorkspace {

    /** What changed. */
    public enum Change {
        PROJECT, FRAME, TOOL, VIEW, QUEUE, LABELS, ROUNDS, PROGRESS, UNCERTAINTY,
        /** The mouse moved over the frame: {@link #pointerText()} changed. */
        POINTER
    }

    /** Told after a change; {@code frameIndex} is the frame concerned for LABELS and UNCERTAINTY, else -1. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change, int frameIndex);
    }

    private static final byte UNLABELED_ID = (byte) LabelImage.UNLABELED;

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final SampleQueue queue = new SampleQueue();
    private final LoopProgress progress = new LoopProgress();
    private final List<RoundReport> rounds = new ArrayList<>();
    private final LabelStore.Listener labelListener = (frame, layer) -> fire(Change.LABELS, frame);
    private final EditorPreferences preferences;

    private AnnotationProject project;
    private EditHistory history;
    private FrameUncertainty uncertainty;
    /** The running {@link LoopJob}, or on a team's project its {@link TeamJob}; null when none was started. */
    private Job job;
    private int frame;
    private Tool tool = Tool.POLYGON;
    private int classId;
    private int brushSizePx;
    private int opacityPercent;
    private boolean showHuman = true;
    private boolean showAuto = true;
    private boolean unlocked;
    private int brightness;
    private int contrastPercent = 100;
    private String notice = "";
    private int pointerX = -1;
    private int pointerY = -1;
    /** What {@link #toggleOverlay} hid: human and automatic layers. */
    private boolean[] hiddenLayers;

    public AnnotationWorkspace(EditorPreferences preferences) {
        this.preferences = preferences;
        this.brushSizePx = preferences.brushSizePx();
        this.opacityPercent = preferences.overlayOpacityPercent();
        queue.addListener(this::queueChanged);
        progress.addListener(() -> fire(Change.PROGRESS, -1));
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public EditorPreferences preferences() {
        return preferences;
    }

    // --- project -----------------------------------------------------------------------------------

    /**
     * Makes {@code opened} the project in view, closing the previous one (its loop is cancelled). A team's project
     * starts taking samples at once ({@link #startLoop}).
     */
    public void open(AnnotationProject opened) {
        close();
        synchronized (this) {
            project = opened;
            history = new EditHistory(opened.session().labels());
            frame = 0;
            classId = opened.session().labelMap().classes().isEmpty() ? 0
                    : opened.session().labelMap().classes().get(0).id();
            rounds.clear();
            rounds.addAll(opened.journaledRounds());
            uncertainty = null;
        }
        opened.session().labels().addListener(labelListener);
        if (opened.folder() != null) {
            preferences.addRecentProject(opened.folder());
        }
        fire(Change.PROJECT, -1);
        if (opened.isTeam()) {
            startLoop();
        }
    }

    /** Cancels the loop (a team's project gives its held sample back), saves the frame in view and closes the project. */
    public void close() {
        AnnotationProject closing;
        Job running;
        synchronized (this) {
            closing = project;
            running = job;
            project = null;
            job = null;
        }
        if (closing == null) {
            return;
        }
        if (running != null) {
            running.cancel();
            queue.abort();
            try {
                running.join(30_000, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closing.session().labels().removeListener(labelListener);
        try {
            for (int f = 0; f < closing.session().frameCount(); f++) {
                if (closing.session().labels().hasHuman(f)) {
                    closing.saveHumanLabels(f);
                }
            }
            closing.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
        queue.clear();
        fire(Change.PROJECT, -1);
    }

    public synchronized AnnotationProject project() {
        return project;
    }

    public synchronized boolean hasProject() {
        return project != null;
    }

    // --- navigation and view -----------------------------------------------------------------------

    public synchronized int frame() {
        return frame;
    }

    /** Shows frame {@code index}, clamped to the video. */
    public void showFrame(int index) {
        synchronized (this) {
            if (project == null) {
                return;
            }
            int clamped = Math.max(0, Math.min(project.session().frameCount() - 1, index));
            if (clamped == frame) {
                return;
            }
            frame = clamped;
        }
        fire(Change.FRAME, -1);
    }

    public synchronized int frameCount() {
        return project == null ? 0 : project.session().frameCount();
    }

    public synchronized Tool tool() {
        return tool;
    }

    public void selectTool(Tool value) {
        synchronized (this) {
            tool = value;
        }
        fire(Change.TOOL, -1);
    }

    public synchronized int classId() {
        return classId;
    }

    /** Picks the class the tools paint with; counts one click on the current sample (choosing a class). */
    public void selectClass(int id) {
        synchronized (this) {
            if (classId == id) {
                return;
            }
            classId = id;
        }
        fire(Change.TOOL, -1);
    }

    public synchronized int brushSizePx() {
        return brushSizePx;
    }

    public void setBrushSizePx(int size) {
        synchronized (this) {
            brushSizePx = Math.max(1, Math.min(200, size));
        }
        fire(Change.TOOL, -1);
    }

    public synchronized int opacityPercent() {
        return opacityPercent;
    }

    public synchronized boolean showHuman() {
        return showHuman;
    }

    public synchronized boolean showAuto() {
        return showAuto;
    }

    public synchronized boolean unlocked() {
        return unlocked;
    }

    /** Overlay opacity 0..100 and which layers show. */
    public void setView(int opacity, boolean human, boolean auto) {
        synchronized (this) {
            opacityPercent = Math.max(0, Math.min(100, opacity));
            showHuman = human;
            showAuto = auto;
        }
        fire(Change.VIEW, -1);
    }

    /** Allows edits anywhere on the frame, not only inside the current sample. */
    /** Added to every channel of the frame in view, -200..200 (labels keep their colours). */
    public synchronized int brightness() {
        return brightness;
    }

    /** The frame's contrast in percent, 25..400; 100 is the frame as it is. */
    public synchronized int contrastPercent() {
        return contrastPercent;
    }

    /**
     * Changes how the frame is shown, not its pixels (dark or flat footage): brightness by {@code brightnessStep},
     * contrast by {@code contrastStepPercent}, within their ranges.
     */
    public void adjustTone(int brightnessStep, int contrastStepPercent) {
        synchronized (this) {
            brightness = Math.max(-200, Math.min(200, brightness + brightnessStep));
            contrastPercent = Math.max(25, Math.min(400, contrastPercent + contrastStepPercent));
        }
        fire(Change.VIEW, -1);
    }

    /** The frame as it is again: brightness 0, contrast 100%. */
    public void resetTone() {
        synchronized (this) {
            brightness = 0;
            contrastPercent = 100;
        }
        fire(Change.VIEW, -1);
    }

    /** Hides every label over the frame, or shows again what was hidden (the O key). */
    public void toggleOverlay() {
        boolean human;
        boolean auto;
        synchronized (this) {
            if (showHuman || showAuto) {
                hiddenLayers = new boolean[] { showHuman, showAuto };
                human = false;
                auto = false;
            } else {
                human = hiddenLayers == null || hiddenLayers[0];
                auto = hiddenLayers == null || hiddenLayers[1];
                hiddenLayers = null;
            }
        }
        setView(opacityPercent(), human, auto);
    }

    /** The image pixel under the mouse (outside the frame when off the image). */
    public void pointAt(int x, int y) {
        synchronized (this) {
            if (x == pointerX && y == pointerY) {
                return;
            }
            pointerX = x;
            pointerY = y;
        }
        fire(Change.POINTER, -1);
    }

    /** "x 34, y 20: car (human)" for the pixel under the mouse, or "" off the image. */
    public String pointerText() {
        AnnotationProject open = project();
        int x;
        int y;
        synchronized (this) {
            x = pointerX;
            y = pointerY;
        }
        if (open == null || x < 0 || y < 0 || x >= open.session().width() || y >= open.session().height()) {
            return "";
        }
        LabelStore labels = open.session().labels();
        int f = frame();
        int human = labels.id(f, LabelStore.Layer.HUMAN, x, y);
        int id = human != LabelImage.UNLABELED ? human : labels.id(f, LabelStore.Layer.AUTO, x, y);
        String name = id == LabelImage.UNLABELED ? "unlabelled"
                : open.session().labelMap().byId(id).map(c -> c.name()).orElse(id == open.session().ignoreId()
                        ? "void" : "id " + id) + (human != LabelImage.UNLABELED ? " (human)" : " (model)");
        return "x " + x + ", y " + y + ": " + name;
    }

    public void setUnlocked(boolean value) {
        synchronized (this) {
            unlocked = value;
        }
        fire(Change.TOOL, -1);
    }

    /** A short note for the status line about work the person is waiting for; empty when none. */
    public synchronized String notice() {
        return notice;
    }

    public void setNotice(String text) {
        synchronized (this) {
            notice = text == null ? "" : text;
        }
        fire(Change.PROGRESS, -1);
    }

    // --- editing -----------------------------------------------------------------------------------

    /** The sample being annotated, or null. */
    public Sample currentSample() {
        return queue.currentSample();
    }

    /**
     * Whether pixel (x, y) of the frame in view may be edited: inside the current sample (when it lies on
     * this frame; while the model works, an extra sample it offered), or anywhere once the frame is unlocked.
     */
    public boolean editable(int x, int y) {
        AnnotationProject open = project();
        if (open == null || x < 0 || y < 0 || x >= open.session().width() || y >= open.session().height()) {
            return false;
        }
        if (unlocked()) {
            return true;
        }
        Sample sample = currentSample();
        return sample != null && sample.frameIndex() == frame() && sample.region().contains(x, y, open.session().width());
    }

    /** Starts an edit of the frame in view; apply pixels with {@link #paint}, then {@link #commit}. */
    public LabelEdit beginEdit(String name) {
        return new LabelEdit(frame(), name);
    }

    /**
     * Sets the editable ones among {@code pixels} (row-major indices of the frame in view) to {@code id}
     * ({@link LabelImage#UNLABELED} erases).
     */
    public void paint(LabelEdit edit, int[] pixels, int id) {
        AnnotationProject open = project();
        if (open == null || edit.frameIndex() != frame()) {
            return;
        }
        int width = open.session().width();
        int kept = 0;
        int[] editable = new int[pixels.length];
        for (int pixel : pixels) {
            if (editable(pixel % width, pixel / width)) {
                editable[kept++] = pixel;
            }
        }
        edit.apply(open.session().labels(), java.util.Arrays.copyOf(editable, kept), (byte) id);
    }

    /** Records a finished edit for undo and charges {@code clicks} to the current sample. */
    public void commit(LabelEdit edit, int clicks) {
        EditHistory edits = history();
        if (edits != null) {
            edits.done(edit);
        }
        queue.addClicks(clicks);
    }

    /**
     * Accept and correct: the automatic labels (the loop's combined labels) become the person's on the
     * current sample's pixels nobody labelled yet, as one undoable edit charged one click (one key). The
     * person then fixes what is wrong with the other tools.
     *
     * @return the pixels accepted; 0 without a sample or where the loop proposes nothing
     */
    public int acceptProposal() {
        AnnotationProject open = project();
        Sample sample = currentSample();
        if (open == null || sample == null) {
            return 0;
        }
        int frameIndex = sample.frameIndex();
        LabelStore labels = open.session().labels();
        byte[] human = labels.human(frameIndex).ids();
        byte[] proposal = labels.auto(frameIndex).ids();
        int[] region = sample.region().pixelIndices(open.session().width());
        int[] pixels = new int[region.length];
        byte[] ids = new byte[region.length];
        int count = 0;
        for (int pixel : region) {
            if (human[pixel] == UNLABELED_ID && proposal[pixel] != UNLABELED_ID) {
                pixels[count] = pixel;
                ids[count++] = proposal[pixel];
            }
        }
        if (count == 0) {
            return 0;
        }
        LabelEdit edit = new LabelEdit(frameIndex, "Accept proposal");
        edit.apply(labels, java.util.Arrays.copyOf(pixels, count), java.util.Arrays.copyOf(ids, count));
        commit(edit, 1);
        return count;
    }

    /** The samples of this round with pixels nobody labelled (Finish round asks before handing them over). */
    public List<Sample> incompleteSamples() {
        AnnotationProject open = project();
        if (open == null) {
            return List.of();
        }
        LabelStore labels = open.session().labels();
        return queue.entries().stream().map(SampleQueue.Entry::sample)
                .filter(s -> !labels.isFullyHuman(s.frameIndex(), s.region())).toList();
    }

    public synchronized EditHistory history() {
        return history;
    }

    /** Undoes the last edit and shows its frame; false when there is nothing to undo. */
    public boolean undo() {
        EditHistory edits = history();
        LabelEdit edit = edits == null ? null : edits.undo();
        if (edit != null) {
            showFrame(edit.frameIndex());
        }
        return edit != null;
    }

    public boolean redo() {
        EditHistory edits = history();
        LabelEdit edit = edits == null ? null : edits.redo();
        if (edit != null) {
            showFrame(edit.frameIndex());
        }
        return edit != null;
    }

    // --- the loop ----------------------------------------------------------------------------------

    public SampleQueue queue() {
        return queue;
    }

    public LoopProgress progress() {
        return progress;
    }

    public synchronized boolean loopRunning() {
        return job != null && job.getState() != Job.NONE;
    }

    /**
     * Starts the annotation loop as a job (round 0 predicts, then samples are chosen for the person); on a team's
     * project, where {@code frameloop serve} is the loop, starts taking the team's samples ({@link TeamJob}).
     */
    public synchronized Job startLoop() {
        if (project == null || loopRunning()) {
            return job;
        }
        if (project.isTeam()) {
            job = new TeamJob(this, project, TeamProjects.RENEW_EVERY, TeamProjects.NEWS_WAIT);
            job.schedule();
            return job;
        }
        LoopSettings settings = LoopSettings.defaults()
                .withSamplesPerRound(project.settings().samplesPerRound())
                .withMaxRounds(preferences.maxRounds())
                // the person decides when the labels are good enough: stop only at a perfect measured score
                .withTargetMiou(1.0)
                .withSeed(project.settings().seed());
        LoopJob loop = new LoopJob(this, project, settings);
        job = loop;
        loop.schedule();
        return loop;
    }

    /** Cancels the running loop; the person's labels stay. */
    public void cancelLoop() {
        Job running;
        synchronized (this) {
            running = job;
        }
        if (running != null) {
            running.cancel();
        }
    }

    /** The running loop's job (a {@link TeamJob} on a team's project), or null. */
    public synchronized Job loopJob() {
        return job;
    }

    /**
     * Finishes the current sample, saves its frame, and moves on to the next sample. While the model works,
     * an extra sample with every pixel labelled goes to the loop (journaled at once); an incomplete one is
     * skipped and stays open.
     */
    public void nextSample() {
        Sample finished = queue.currentSample();
        boolean extra = queue.offering();
        queue.next();
        save(finished);
        if (extra && finished != null) {
            boolean taken = queue.entries().stream().anyMatch(e -> e.sample().equals(finished) && e.done());
            String what = queue.entries().stream().anyMatch(e -> e.sample().equals(finished) && e.weakFrame())
                    ? "Weak frame" : "Extra sample";
            setNotice(taken ? what + " saved: the next fine-tune learns from it"
                    : what + " skipped: it has unlabelled pixels (A accepts the model's labels)");
        }
    }

    /**
     * Shows a frame the Review view lists; while the model works and offers it among the weakest frames, it
     * becomes the sample to correct.
     */
    public void reviewFrame(int frameIndex) {
        queue.selectWeakFrame(frameIndex);
        showFrame(frameIndex);
    }

    public void previousSample() {
        queue.previous();
    }

    /** Finishes the round: every sample is handed to the loop, which starts fine-tuning. */
    public void finishRound() {
        Sample inView = queue.currentSample();
        List<SampleQueue.Entry> entries = queue.entries();
        queue.finishRound();
        save(inView);
        entries.stream().map(SampleQueue.Entry::sample).map(Sample::frameIndex).distinct()
                .forEach(f -> saveFrame(f));
    }

    private void save(Sample sample) {
        if (sample != null) {
            saveFrame(sample.frameIndex());
        }
    }

    private void saveFrame(int frameIndex) {
        AnnotationProject open = project();
        if (open != null && open.session().labels().hasHuman(frameIndex)) {
            try {
                open.saveHumanLabels(frameIndex);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot save the labels of frame " + frameIndex + " into "
                        + open.location() + ": " + e.getMessage(), e);
            }
        }
    }

    synchronized FrameUncertainty uncertainty() {
        return uncertainty;
    }

    /** Mean model uncertainty of a frame (0..1), NaN when not predicted in this session. */
    public float uncertainty(int frameIndex) {
        FrameUncertainty observed = uncertainty();
        return observed == null ? Float.NaN : observed.of(frameIndex);
    }

    void modelStarted(FrameUncertainty observed) {
        synchronized (this) {
            uncertainty = observed;
        }
        observed.addListener(f -> fire(Change.UNCERTAINTY, f));
    }

    void roundFinished(RoundReport report) {
        synchronized (this) {
            // a restarted loop reports the state it starts from under the last round's number again
            rounds.removeIf(r -> r.round() == report.round());
            rounds.add(report);
        }
        fire(Change.ROUNDS, -1);
    }

    public synchronized List<RoundReport> rounds() {
        return List.copyOf(rounds);
    }

    /**
     * The quality estimate of the latest round that estimated every frame (rounds run in this session; a
     * reopened project's history keeps only the whole-video number), or null.
     */
    public synchronized QualityEstimate latestEstimate() {
        int frames = frameCount();
        for (int i = rounds.size() - 1; i >= 0; i--) {
            QualityEstimate estimate = rounds.get(i).estimate();
            if (estimate != null && frames > 0 && estimate.frameAccuracy().length == frames) {
                return estimate;
            }
        }
        return null;
    }

    /** Estimated pixel accuracy (0..1) of a frame's labels after the latest round, NaN when not estimated. */
    public double estimatedAccuracy(int frameIndex) {
        QualityEstimate estimate = latestEstimate();
        return estimate == null || frameIndex < 0 || frameIndex >= estimate.frameAccuracy().length ? Double.NaN
                : estimate.frameAccuracy()[frameIndex];
    }

    private void queueChanged() {
        Sample sample = queue.currentSample();
        if (sample != null) {
            showFrame(sample.frameIndex());
        }
        fire(Change.QUEUE, -1);
    }

    /** The region of the current sample if it lies on the frame in view, else null. */
    public Region currentRegionInView() {
        Sample sample = currentSample();
        return sample != null && sample.frameIndex() == frame() ? sample.region() : null;
    }

    private void fire(Change change, int frameIndex) {
        for (Listener listener : listeners) {
            listener.changed(change, frameIndex);
        }
    }
}
