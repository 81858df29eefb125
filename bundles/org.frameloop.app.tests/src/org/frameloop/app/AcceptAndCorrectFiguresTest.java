package org.frameloop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.core.geometry.DouglasPeucker;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Sample;
import org.frameloop.editor.handlers.ProjectOpening;
import org.frameloop.editor.parts.VideoCanvasAccess;
import org.frameloop.editor.parts.VideoEditorPart;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.DemoProject;
import org.frameloop.editor.session.SampleQueue;
import org.frameloop.editor.session.Tool;
import org.frameloop.lib.opencv.MaskContours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of docs/performance.md, "Accept and correct in the IDE": a scripted annotator works in the real IDE
 * on the demo project ({@link DemoProject}), with posted mouse and key events, twice on identical projects (same
 * samples): <b>accept and correct</b> (A takes the proposal, then each region still wrong gets a polygon of its
 * true class) and <b>from scratch</b> (Sample fill with the sample's most frequent true class, then the same
 * polygons). It labels round 1's samples, then the extra samples offered while the model fine-tunes, and reports
 * clicks and seconds per sample from the ledger, with the labels' accuracy against the ground truth. A polygon
 * follows the wrong region's outline (border cells of the region at twice the resolution, Douglas-Peucker at
 * {@value #TOLERANCE_PX} px); what a pass leaves wrong gets another pass, up to {@value #PASSES}.
 * <p>
 * Seconds of a script are not a person's: they are the IDE's own time per sample (the sample queue's clock) for
 * input that needs no thought. Runs only with {@code FRAMELOOP_FIGURES=1} (minutes: the U-Net predicts the 40
 * frames once per project); nothing timed is asserted.
 */
@EnabledIfEnvironmentVariable(named = "FRAMELOOP_FIGURES", matches = "1")
class AcceptAndCorrectFiguresTest {

    private static final long MODEL_TIMEOUT_MS = 900_000;
    private static final double TOLERANCE_PX = 0.5;
    private static final int PASSES = 3;

    /** How the scripted annotator starts a sample before fixing what is wrong. */
    enum Protocol {
        ACCEPT_AND_CORRECT("accept and correct"), FROM_SCRATCH("from scratch");

        final String title;

        Protocol(String title) {
            this.title = title;
        }
    }

    @TempDir
    Path temp;

    private final List<String> failures = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private Display display;
    private PostedEvents input;
    private int polygons;

    @Test
    void clicksAndSecondsPerSampleAcceptingAndCorrectingAgainstDrawingFromScratch() throws Exception {
        Path video = DemoProject.writeVideo(temp.resolve("street"), new NullProgressMonitor());
        display = Display.getDefault();
        input = new PostedEvents(display);
        PostedEvents.inWorkbench(display, 120_000, failures, (window, workbench) -> {
            for (Protocol protocol : Protocol.values()) {
                measure(protocol, video, window, workbench);
            }
            workbench.getContext().get(AnnotationWorkspace.class).close();
        });

        figures.forEach(System.out::println);
        Path out = Paths.get(System.getProperty("frameloop.test.output", "target"), "figures", "accept-and-correct.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures, StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), failures.toString());
    }

    private void measure(Protocol protocol, Path video, Shell window, E4Workbench workbench) throws Exception {
        AnnotationWorkspace workspace = workbench.getContext().get(AnnotationWorkspace.class);
        Path folder = temp.resolve(protocol.name().toLowerCase(Locale.ROOT));
        DemoProject.create(folder, video, PluginRegistry.ofPlatform()).close();
        ProjectOpening.open(display, workspace, folder);
        if (!require(input.pumpUntil(() -> workspace.hasProject() && workspace.project().folder().equals(folder),
                120_000), protocol + ": the demo project opens")) {
            return;
        }
        AnnotationProject project = workspace.project();
        long started = System.nanoTime();
        workspace.startLoop();
        if (!require(input.pumpUntil(workspace.queue()::awaitingAnnotation, MODEL_TIMEOUT_MS),
                protocol + ": round 1 asks for samples; " + workspace.progress().text())) {
            return;
        }
        double predictSeconds = (System.nanoTime() - started) / 1e9;
        EPartService parts = workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class);
        MPart editorPart = parts.findPart("org.frameloop.editor.part.videoEditor");
        window.forceActive();
        parts.activate(editorPart);
        VideoCanvasAccess canvas = ((VideoEditorPart) editorPart.getObject()).canvasAccess();
        input.countMouseUpsOn(canvas.control());
        canvas.control().setFocus();
        polygons = 0;

        long labelling = System.nanoTime();
        int roundSamples = workspace.queue().size();
        for (int i = 0; i < roundSamples; i++) {
            label(protocol, workspace, canvas);
            if (i + 1 < roundSamples) {
                int next = i + 1;
                input.specialKey(0, SWT.TAB, '\t');
                require(input.pumpUntil(() -> workspace.queue().currentIndex() == next, 5_000),
                        protocol + ": Tab goes to sample " + (next + 1));
            }
        }
        if (!workspace.incompleteSamples().isEmpty()) {
            failures.add(protocol + ": samples left with unlabelled pixels " + workspace.incompleteSamples());
            workspace.finishRound();
        } else {
            input.key(SWT.CTRL, SWT.CR);
        }
        require(input.pumpUntil(() -> workspace.queue().offering(), MODEL_TIMEOUT_MS),
                protocol + ": extra samples are offered while the model fine-tunes");
        List<SampleQueue.Entry> offered = workspace.queue().entries();
        int extras = (int) offered.stream().filter(e -> !e.weakFrame()).count();
        for (int i = 0; i < extras && workspace.queue().offering(); i++) {
            int index = i;
            require(input.pumpUntil(() -> workspace.queue().currentIndex() == index, 5_000),
                    protocol + ": extra sample " + (i + 1) + " is current");
            label(protocol, workspace, canvas);
            int before = project.session().ledger().size();
            input.specialKey(0, SWT.TAB, '\t');
            require(input.pumpUntil(() -> project.session().ledger().size() > before, 5_000),
                    protocol + ": Tab hands extra sample " + (i + 1) + " to the loop");
        }
        double labellingSeconds = (System.nanoTime() - labelling) / 1e9;
        List<LedgerEntry> entries = project.session().ledger().entries();
        require(entries.size() == roundSamples + extras, protocol + ": the ledger holds every sample labelled: "
                + entries.size() + " of " + (roundSamples + extras));
        workspace.cancelLoop();
        input.pumpUntil(() -> !workspace.loopRunning(), 120_000);
        report(protocol, project.session(), entries, roundSamples, predictSeconds, labellingSeconds);
    }

    /** Labels the current sample as {@code protocol} says, then fixes what is still wrong with polygons. */
    private void label(Protocol protocol, AnnotationWorkspace workspace, VideoCanvasAccess canvas) {
        Sample sample = workspace.currentSample();
        int frame = sample.frameIndex();
        VideoSession session = workspace.project().session();
        LabelStore labels = session.labels();
        LabelImage truth = session.groundTruth().orElseThrow().labels(frame);
        int[] pixels = sample.region().pixelIndices(session.width());
        require(input.pumpUntil(() -> workspace.frame() == frame, 10_000), "the editor shows frame " + frame);
        input.pumpUntil(() -> false, 200); // the canvas zooms to the sample
        int entry = workspace.queue().currentIndex();
        int clicksBefore = workspace.queue().entries().get(entry).clicks();
        if (protocol == Protocol.ACCEPT_AND_CORRECT) {
            input.key(0, 'a');
        } else {
            choose(workspace, mostFrequentClass(truth, pixels, session.ignoreId()), Tool.SAMPLE_FILL, 'f');
            int[] box = box(pixels, session.width());
            input.click(canvas.toDisplay((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0));
        }
        require(input.pumpUntil(() -> workspace.queue().entries().get(entry).clicks() > clicksBefore, 5_000),
                "sample " + sample + " was started (" + protocol + ")");
        for (int pass = 0; pass < PASSES; pass++) {
            List<WrongRegion> wrong = wrongRegions(truth, labels.human(frame), pixels, session.ignoreId());
            if (wrong.isEmpty()) {
                return;
            }
            for (WrongRegion region : wrong) {
                choose(workspace, region.classId(), Tool.POLYGON, 'p');
                for (int v = 0; v < region.xy().length; v += 2) {
                    input.click(canvas.toDisplay(region.xy()[v], region.xy()[v + 1]));
                }
                input.key(0, SWT.CR);
                polygons++;
            }
        }
    }

    private void choose(AnnotationWorkspace workspace, int classId, Tool tool, char toolKey) {
        if (workspace.classId() != classId) {
            List<LabelClass> classes = workspace.project().session().labelMap().classes();
            int index = classes.indexOf(classes.stream().filter(c -> c.id() == classId).findFirst().orElseThrow());
            input.key(0, index == 9 ? '0' : '1' + index);
            require(input.pumpUntil(() -> workspace.classId() == classId, 5_000), "key " + (index + 1) + " picks class "
                    + classId);
        }
        if (workspace.tool() != tool) {
            input.key(0, toolKey);
            require(input.pumpUntil(() -> workspace.tool() == tool, 5_000), "key " + toolKey + " picks " + tool);
        }
    }

    /** One region to redraw: its true class and its polygon's vertices, x0, y0, x1, y1, ... in image pixels. */
    private record WrongRegion(int classId, double[] xy) {
    }

    /**
     * The sample's pixels whose human label is not their true class (void and unlabelled truth are free), as
     * polygons: per true class, the outer border of each region traced at twice the resolution, through the
     * border cells' centres (a quarter pixel inside the region's edge), simplified.
     */
    private static List<WrongRegion> wrongRegions(LabelImage truth, LabelImage human, int[] pixels, int ignoreId) {
        int width = truth.width();
        int[] box = box(pixels, width);
        int boxWidth = box[2] - box[0];
        int boxHeight = box[3] - box[1];
        List<WrongRegion> regions = new ArrayList<>();
        for (int classId = 0; classId < 256; classId++) {
            byte[] mask = new byte[4 * boxWidth * boxHeight];
            boolean any = false;
            for (int pixel : pixels) {
                int id = truth.ids()[pixel] & 0xFF;
                if (id != classId || id == ignoreId || id == LabelImage.UNLABELED
                        || (human.ids()[pixel] & 0xFF) == id) {
                    continue;
                }
                any = true;
                int x = 2 * (pixel % width - box[0]);
                int y = 2 * (pixel / width - box[1]);
                for (int d = 0; d < 4; d++) {
                    mask[(y + d / 2) * 2 * boxWidth + x + d % 2] = 1;
                }
            }
            if (!any) {
                continue;
            }
            for (MaskContours.Contour contour : MaskContours.trace(mask, 2 * boxWidth, 2 * boxHeight,
                    MaskContours.Borders.OUTER, 0, 0)) {
                double[] xy = new double[contour.xy().length];
                for (int i = 0; i < xy.length; i += 2) {
                    xy[i] = box[0] + (contour.xy()[i] + 0.5) / 2;
                    xy[i + 1] = box[1] + (contour.xy()[i + 1] + 0.5) / 2;
                }
                double[] simplified = DouglasPeucker.simplify(xy, TOLERANCE_PX, true);
                regions.add(new WrongRegion(classId, simplified.length >= 6 ? simplified : xy));
            }
        }
        return regions;
    }

    /** left, top, right (exclusive), bottom (exclusive) of the pixels. */
    private static int[] box(int[] pixels, int width) {
        int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1 };
        for (int pixel : pixels) {
            box[0] = Math.min(box[0], pixel % width);
            box[1] = Math.min(box[1], pixel / width);
            box[2] = Math.max(box[2], pixel % width + 1);
            box[3] = Math.max(box[3], pixel / width + 1);
        }
        return box;
    }

    private static int mostFrequentClass(LabelImage truth, int[] pixels, int ignoreId) {
        int[] counts = new int[256];
        for (int pixel : pixels) {
            int id = truth.ids()[pixel] & 0xFF;
            if (id != ignoreId && id != LabelImage.UNLABELED) {
                counts[id]++;
            }
        }
        int best = 0;
        for (int id = 1; id < counts.length; id++) {
            best = counts[id] > counts[best] ? id : best;
        }
        return best;
    }

    private void report(Protocol protocol, VideoSession session, List<LedgerEntry> entries, int roundSamples,
            double predictSeconds, double labellingSeconds) {
        long clicks = entries.stream().mapToLong(LedgerEntry::clicks).sum();
        double seconds = entries.stream().mapToDouble(LedgerEntry::seconds).sum();
        long right = 0;
        long counted = 0;
        for (LedgerEntry entry : entries) {
            int frame = entry.sample().frameIndex();
            byte[] truth = session.groundTruth().orElseThrow().labels(frame).ids();
            byte[] human = session.labels().human(frame).ids();
            for (int pixel : entry.sample().region().pixelIndices(session.width())) {
                int id = truth[pixel] & 0xFF;
                if (id != session.ignoreId() && id != LabelImage.UNLABELED) {
                    counted++;
                    right += (human[pixel] & 0xFF) == id ? 1 : 0;
                }
            }
        }
        int n = entries.size();
        figures.add(String.format(Locale.ROOT, "%-18s %2d samples (%d of round 1, %d extra while the model fine-tuned):"
                + " %.1f clicks/sample, %.2f s/sample (IDE clock), %.1f polygons/sample, pixel accuracy %.4f;"
                + " round 0 ready after %.0f s, labelling took %.0f s", protocol.title, n, roundSamples,
                n - roundSamples, clicks / (double) n, seconds / n, polygons / (double) n,
                counted == 0 ? Double.NaN : right / (double) counted, predictSeconds, labellingSeconds));
        for (LedgerEntry entry : entries) {
            figures.add(String.format(Locale.ROOT, "  %-18s frame %2d %-40s %4d clicks %6.2f s", protocol.title,
                    entry.sample().frameIndex(), entry.sample().region(), entry.clicks(), entry.seconds()));
        }
    }

    private boolean require(boolean condition, String what) {
        if (!condition) {
            failures.add(what);
        }
        return condition;
    }
}
