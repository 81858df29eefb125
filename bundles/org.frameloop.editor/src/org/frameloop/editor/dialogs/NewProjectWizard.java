package org.frameloop.editor.dialogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.handlers.ProjectOpening;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.EditorPreferences;
import org.frameloop.editor.session.LabelMapPresets;
import org.frameloop.editor.session.ProjectFolders;
import org.frameloop.editor.session.ProjectSettings;
import org.frameloop.io.LabelMaps;
import org.frameloop.run.DefaultPlugins;
import org.frameloop.run.ProjectLocations;

/**
 * File > New Project: the video (a video file, an image folder or a dataset sequence with images/ and labels/;
 * optional ground truth) and the project folder, then the
 * label map (JSON, CamVid 11, Cityscapes 19 or a typed list), model, granularity, selector and samples per
 * round. Menus come from the plugin registry; plugin parameters from their declarations. Finish creates the
 * project as a job ({@link ProjectOpening#create}), so reading a long video file never blocks the window. The
 * location may be a project address instead of a folder: the project is then made on that server and opened as
 * a team's project ({@link ProjectOpening#createAddress}).
 */
public final class NewProjectWizard extends Wizard {

    private static final String[] VIDEO_FILTERS = { "*.avi;*.mp4;*.m4v;*.mkv;*.webm;*.mov", "*.avi", "*.mp4;*.m4v",
            "*.mkv;*.webm", "*.mov", "*" };

    private static final String ADDRESS_FORM = "postgresql://HOST[:PORT]/DATABASE?project=NAME[&user=USER]";
    /** What the first page says once an address is typed as the location. */
    static final String TEAM_PROJECT = "A team's project on a PostgreSQL server: it is created there with you as its "
            + "owner and opened for labelling. The IDE is not its loop: 'frameloop serve --project ADDRESS' trains it "
            + "and chooses the samples. The password comes from PGPASSWORD or ~/.pgpass, never from the address.";

    private final AnnotationWorkspace workspace;
    private final PluginRegistry registry;
    private final VideoPage videoPage = new VideoPage();
    private final LoopPage loopPage = new LoopPage();
    private Job created;

    public NewProjectWizard(AnnotationWorkspace workspace, PluginRegistry registry) {
        this.workspace = workspace;
        this.registry = registry;
        setWindowTitle("New Frameloop Project");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(videoPage);
        addPage(loopPage);
    }

    @Override
    public boolean performFinish() {
        LabelMap labelMap;
        try {
            labelMap = loopPage.labelMap();
        } catch (IOException | IllegalArgumentException e) {
            loopPage.setErrorMessage(e.getMessage());
            return false;
        }
        ProjectFolders.VideoSource source = ProjectFolders.source(Path.of(videoPage.video.getText().trim()));
        String gt = videoPage.groundTruth.getText().trim();
        ProjectSettings settings = new ProjectSettings(source.video(), gt.isEmpty() ? null : Path.of(gt),
                new PluginChoice(loopPage.model.getText(), loopPage.modelParameters.values()),
                new PluginChoice(loopPage.granularity.getText(), loopPage.granularityParameters.values()),
                PluginChoice.of(loopPage.selector.getText()), PluginChoice.of(DefaultPlugins.FLOW),
                PluginChoice.of(DefaultPlugins.CLICK_COST), loopPage.samples.getSelection(), 1);
        // reading a video file takes seconds: a job creates the project, a dialog names what went wrong
        String location = videoPage.project.getText().trim();
        created = ProjectLocations.isAddress(location)
                ? ProjectOpening.createAddress(getShell().getDisplay(), workspace, location, settings, labelMap, registry)
                : ProjectOpening.create(getShell().getDisplay(), workspace, Path.of(location), settings, labelMap,
                        registry);
        return true;
    }

    /** The job that creates the project once Finish was pressed, else null. */
    public Job creation() {
        return created;
    }

    /** What is wrong with a typed project address (a password in it, no project name), or null. */
    private static String addressProblem(String address) {
        try {
            ProjectLocations.requireValidAddress(address);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Text folderField(Composite parent, String label, String tip, Runnable changed, boolean file) {
        return pathField(parent, label, tip, changed, file ? new String[] { "*.json", "*" } : null);
    }

    /** A path field with Browse buttons: a folder chooser, and a file chooser when {@code fileFilters} are given. */
    private static Text pathField(Composite parent, String label, String tip, Runnable changed, String[] fileFilters) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        text.setToolTipText(tip);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Modify, e -> changed.run());
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new RowLayout());
        Button browse = new Button(buttons, SWT.PUSH);
        browse.setText(fileFilters == null ? "Browse..." : "Folder...");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(parent.getShell());
            dialog.setMessage(tip);
            String chosen = dialog.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        if (fileFilters != null) {
            Button file = new Button(buttons, SWT.PUSH);
            file.setText("File...");
            file.addListener(SWT.Selection, e -> {
                FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
                dialog.setFilterExtensions(fileFilters);
                String chosen = dialog.open();
                if (chosen != null) {
                    text.setText(chosen);
                }
            });
        }
        return text;
    }

    /** Page 1: where the frames are and where the project goes. */
    private final class VideoPage extends WizardPage {
        Text video;
        Text groundTruth;
        Text project;
        private String suggestedGroundTruth = "";
        private String suggestedProject = "";

        VideoPage() {
            super("video", "Video and project folder", null);
            setDescription("A video file (AVI, MP4, MKV, WebM, MOV), a folder of frames (PNG, JPEG or BMP in "
                    + "natural name order, gt/ beside them is ground truth), or a dataset sequence with images/ "
                    + "and labels/.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite body = new Composite(parent, SWT.NONE);
            body.setLayout(new GridLayout(3, false));
            video = pathField(body, "Video:", "A video file, a folder of frames, or a folder with images/ and labels/",
                    this::videoChanged, VIDEO_FILTERS);
            groundTruth = folderField(body, "Ground truth (optional):",
                    "Label PNGs, one per frame, to measure mIoU per round", this::validate, false);
            project = folderField(body, "Project folder or address:", "Where labels, ledger and model are kept: a "
                    + "folder, or a team's project on a PostgreSQL server, " + ADDRESS_FORM, this::validate, false);
            setControl(body);
            validate();
        }

        private void videoChanged() {
            if (video.getText().isBlank()) {
                validate();
                return;
            }
            Path chosen = Path.of(video.getText().trim());
            ProjectFolders.VideoSource source = ProjectFolders.source(chosen);
            // labels that came with the frames are offered; a path the person typed is kept
            String offered = source.groundTruth().map(Path::toString).orElse("");
            if (groundTruth.getText().isBlank() || groundTruth.getText().equals(suggestedGroundTruth)) {
                groundTruth.setText(offered);
            }
            suggestedGroundTruth = offered;
            if (project.getText().isBlank() || project.getText().equals(suggestedProject)) {
                suggestedProject = ProjectFolders.proposedProjectFolder(chosen).toString();
                project.setText(suggestedProject); // a folder the person typed is kept
            }
            source.labelMapFile().ifPresent(loopPage::suggestLabelMap);
            validate();
        }

        private void validate() {
            String problem = null;
            if (video == null || video.getText().isBlank()) {
                problem = "Choose a video file or a folder of frames.";
            } else if (!Files.exists(Path.of(video.getText().trim()))) {
                problem = video.getText().trim() + " does not exist.";
            } else if (!groundTruth.getText().isBlank() && !Files.isDirectory(Path.of(groundTruth.getText().trim()))) {
                problem = "The ground truth " + groundTruth.getText().trim() + " is not a folder.";
            } else if (project.getText().isBlank()) {
                problem = "Choose a project folder, or type a project address (" + ADDRESS_FORM + ").";
            } else if (isAddress()) {
                problem = addressProblem(project.getText().trim());
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
            if (problem == null && isAddress()) {
                setMessage(TEAM_PROJECT, IMessageProvider.INFORMATION);
                return;
            }
            boolean noTruth = problem == null && groundTruth.getText().isBlank();
            setMessage(noTruth ? "No ground truth: the loop estimates its quality from audited samples instead of "
                    + "measuring it (as for any new footage)." : null,
                    noTruth ? IMessageProvider.WARNING : IMessageProvider.NONE);
        }

        private boolean isAddress() {
            return ProjectLocations.isAddress(project.getText().trim());
        }
    }

    /** Page 2: label map, model, granularity, selector and budget. */
    private final class LoopPage extends WizardPage {
        Button fromJson;
        Button camVid;
        Button cityscapes;
        Button custom;
        Text jsonFile;
        Text classList;
        Combo model;
        ParameterForm modelParameters;
        Combo granularity;
        ParameterForm granularityParameters;
        Combo selector;
        Spinner samples;
        private Path suggested;

        LoopPage() {
            super("loop", "Labels and loop", null);
            setDescription("The classes to label, and how the model asks for labels.");
        }

        void suggestLabelMap(Path file) {
            suggested = file;
            if (jsonFile != null) {
                jsonFile.setText(file.toString());
                fromJson.setSelection(true);
                camVid.setSelection(false);
                cityscapes.setSelection(false);
                custom.setSelection(false);
            }
        }

        @Override
        public void createControl(Composite parent) {
            EditorPreferences preferences = workspace.preferences();
            Composite body = new Composite(parent, SWT.NONE);
            body.setLayout(new GridLayout(3, false));
            fromJson = radio(body, "Label map JSON:");
            jsonFile = new Text(body, SWT.BORDER);
            jsonFile.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button browse = new Button(body, SWT.PUSH);
            browse.setText("Browse...");
            browse.addListener(SWT.Selection, e -> {
                FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
                dialog.setFilterExtensions(new String[] { "*.json", "*" });
                String chosen = dialog.open();
                if (chosen != null) {
                    jsonFile.setText(chosen);
                }
            });
            camVid = radio(body, "CamVid (11 classes, void ignored)");
            ((GridData) camVid.getLayoutData()).horizontalSpan = 3;
            cityscapes = radio(body, "Cityscapes (19 classes)");
            ((GridData) cityscapes.getLayoutData()).horizontalSpan = 3;
            custom = radio(body, "Custom list (one class per line, optional #rrggbb):");
            ((GridData) custom.getLayoutData()).horizontalSpan = 3;
            classList = new Text(body, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
            GridData listData = new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1);
            listData.heightHint = 60;
            classList.setLayoutData(listData);
            classList.setText("background\nforeground #ff0000\n");
            if (suggested != null) {
                suggestLabelMap(suggested);
            } else {
                camVid.setSelection(true);
            }

            model = combo(body, "Model:", registry.contributions(ExtensionPoint.MODELS));
            modelParameters = new ParameterForm(body, this::validate);
            select(model, DefaultPlugins.modelId(registry));
            model.addListener(SWT.Selection, e -> showModelParameters());
            showModelParameters();

            granularity = combo(body, "Granularity:", registry.contributions(ExtensionPoint.GRANULARITIES));
            granularityParameters = new ParameterForm(body, this::validate);
            select(granularity, preferences.granularity());
            granularity.addListener(SWT.Selection, e -> showParameters(ExtensionPoint.GRANULARITIES, granularity,
                    granularityParameters, Map.of()));
            showParameters(ExtensionPoint.GRANULARITIES, granularity, granularityParameters, Map.of());

            selector = combo(body, "Sample selector:", registry.contributions(ExtensionPoint.SELECTORS));
            select(selector, DefaultPlugins.SELECTOR);
            new Label(body, SWT.NONE).setText("Samples per round:");
            samples = new Spinner(body, SWT.BORDER);
            samples.setValues(preferences.samplesPerRound(), 1, 10_000, 0, 1, 10);
            setControl(body);
            validate();
        }

        private void showModelParameters() {
            showParameters(ExtensionPoint.MODELS, model, modelParameters, Map.of());
        }

        private <T> void showParameters(ExtensionPoint<T> point, Combo combo, ParameterForm form,
                Map<String, String> initial) {
            form.show(registry.find(point, combo.getText()).map(Contribution::parameters).orElse(List.of()), initial);
            validate();
        }

        private Button radio(Composite body, String text) {
            Button button = new Button(body, SWT.RADIO);
            button.setText(text);
            button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
            return button;
        }

        private Combo combo(Composite body, String label, List<? extends Contribution<?>> contributions) {
            new Label(body, SWT.NONE).setText(label);
            Combo combo = new Combo(body, SWT.READ_ONLY);
            combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            contributions.forEach(c -> combo.add(c.id()));
            combo.setToolTipText(String.join("\n", contributions.stream().map(c -> c.id() + ": " + c.name()).toList()));
            return combo;
        }

        private void select(Combo combo, String id) {
            int index = combo.indexOf(id);
            combo.select(index >= 0 ? index : 0);
        }

        private void validate() {
            String problem = model == null || modelParameters == null ? null : modelParameters.problem();
            if (problem == null && granularityParameters != null) {
                problem = granularityParameters.problem();
            }
            if (problem == null && model != null && model.getItemCount() == 0) {
                problem = "No segmentation model is installed.";
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        LabelMap labelMap() throws IOException {
            if (fromJson.getSelection()) {
                // a dataset's own map may leave out the void id its label images use (CamVid's does)
                return LabelMaps.withPresetIgnoreId(LabelMapJson.read(Path.of(jsonFile.getText().trim())));
            }
            if (camVid.getSelection()) {
                return LabelMapPresets.camVid11();
            }
            if (cityscapes.getSelection()) {
                return LabelMapPresets.cityscapes19();
            }
            return LabelMapPresets.parseClassList(classList.getText());
        }
    }
}
