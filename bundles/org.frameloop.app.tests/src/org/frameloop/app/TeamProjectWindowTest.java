package org.frameloop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.editor.dialogs.NewProjectWizard;
import org.frameloop.editor.handlers.CloseProjectHandler;
import org.frameloop.editor.handlers.OpenProjectAddressHandler;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.DemoVideo;
import org.frameloop.editor.session.EditorPreferences;
import org.frameloop.editor.session.LabelEdit;
import org.frameloop.io.VideoInfo;
import org.frameloop.run.ProjectLocations;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectRole;
import org.frameloop.store.postgres.TeamClient;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > Open Project Address...'s handler and dialogs on a display (Xvfb) against a real PostgreSQL server, answered
 * with posted keys: an address with a password is refused in a dialog that names the problem, a team's project opens
 * from its address and leases a sample, the finished sample is stored on the server in the person's name, another
 * client never gets the sample the IDE holds, and File > Close Project's handler gives the held sample back. (The
 * menu entry in the running workbench: MainWindowTest; one workbench per test JVM.) File > New Project's wizard with an
 * address as its location refuses one with a password on its page, says that serve trains a team's project, and its
 * Finish creates the project on the server, owned by the person, and opens it.
 */
class TeamProjectWindowTest {

    private static final long TIMEOUT_MS = 120_000;
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;
    private static final String CANNOT_OPEN = "Cannot open the project address";

    @TempDir
    Path temp;

    private final List<String> failures = new ArrayList<>();
    private Display display;
    private PostedEvents input;

    @Test
    void aPersonOpensATeamProjectByItsAddressLabelsTheLeasedSampleAndClosingGivesTheNextOneBack() throws Exception {
        TestServer server = TestServer.get();
        for (String person : List.of("olivia", "alice", "bob")) {
            server.person(person, true);
        }
        String name = TestServer.newProjectName("window");
        Path video = DemoVideo.write(temp.resolve("video"), 2, WIDTH, HEIGHT);
        Sample first = new Sample(0, new Region.Rectangle(0, 0, 10, 10));
        Sample second = new Sample(1, new Region.Rectangle(10, 10, 10, 10));
        server.withPasswordFileAtHome(() -> {
            // made as the command line makes it (run --project ADDRESS --video ...), its video beside the settings
            try (PostgresProjectStore owner = (PostgresProjectStore) ProjectLocations.create(server.location(name, "olivia"),
                    new VideoInfo("demo", video.toString(), 2, WIDTH, HEIGHT), DemoVideo.labelMap(),
                    Map.of("samplesPerRound", 2), "test")) {
                owner.members().put("alice", ProjectRole.ANNOTATOR);
                owner.members().put("bob", ProjectRole.ANNOTATOR);
                owner.journalChosen(1, List.of(first, second));
            }
            return null;
        });

        Shell window = plainWindow();
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        try (PostgresProjectStore trainer = server.open(name, "olivia"); PostgresProjectStore bob = server.open(name, "bob")) {
            TeamClient teammate = new TeamClient(bob, Duration.ofMinutes(5));
            server.withPasswordFileAtHome(() -> {
                work(window, workspace, server.location(name, "alice"), trainer, teammate, first, second);
                return null;
            });
        } finally {
            workspace.close();
            window.dispose();
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aPersonCreatesATeamProjectAtAnAddressInTheNewProjectWizard() throws Exception {
        TestServer server = TestServer.get();
        server.person("carol", true);
        String name = TestServer.newProjectName("wizard");
        String address = server.location(name, "carol");
        Path video = DemoVideo.write(temp.resolve("video"), 2, WIDTH, HEIGHT);

        Shell window = plainWindow();
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        NewProjectWizard wizard = new NewProjectWizard(workspace, PluginRegistry.ofPlatform());
        String[] pageSays = new String[3];
        try {
            server.withPasswordFileAtHome(() -> {
                input.answerWhenShown("New Frameloop Project", dialog -> {
                    List<Text> fields = new ArrayList<>();
                    PostedEvents.collect(dialog, Text.class, fields);
                    fields.get(0).setText(video.toString()); // what the folder chooser would fill in
                    fields.get(2).setText("postgresql://127.0.0.1/frameloop?project=" + name + "&password=hunter2");
                    pageSays[0] = wizard.getStartingPage().getErrorMessage();
                    fields.get(2).setText(address);
                    pageSays[1] = wizard.getStartingPage().getErrorMessage();
                    pageSays[2] = wizard.getStartingPage().getMessage();
                    List<Button> buttons = new ArrayList<>();
                    PostedEvents.collect(dialog, Button.class, buttons);
                    buttons.stream().filter(b -> b.getText().replace("&", "").equals("Finish")).findFirst()
                            .ifPresent(finish -> finish.notifyListeners(SWT.Selection, new Event()));
                }, failures);
                new WizardDialog(window, wizard).open(); // returns when Finish closed it
                check(pageSays[0] != null && pageSays[0].contains("PGPASSWORD or ~/.pgpass")
                        && !pageSays[0].contains("hunter2"), "an address with a password is refused on the page, "
                                + "without repeating it: " + pageSays[0]);
                check(pageSays[1] == null && pageSays[2] != null
                        && pageSays[2].contains("frameloop serve --project ADDRESS"),
                        "an address is taken, and the page says serve trains the project: " + pageSays[2]);
                check(input.pumpUntil(() -> workspace.hasProject() || wizard.creation() != null
                        && wizard.creation().getResult() != null && !wizard.creation().getResult().isOK(), 60_000)
                        && workspace.hasProject() && workspace.project().isTeam(),
                        "Finish creates the project on the server and opens it as a team's project: "
                                + (wizard.creation() == null ? "no job" : wizard.creation().getResult()));
                return null;
            });
            try (PostgresProjectStore created = server.open(name, "carol")) {
                check(created.role() == ProjectRole.OWNER, "the person who made it owns it: " + created.role());
                check(created.video().frameCount() == 2, "the project records the video: " + created.video());
            }
        } finally {
            workspace.close();
            window.dispose();
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /** A plain window, not a second workbench: a workbench leaves its commands in this JVM for MainWindowTest's. */
    private Shell plainWindow() {
        display = Display.getDefault();
        input = new PostedEvents(display);
        Shell window = new Shell(display);
        window.setText("Frameloop team project test");
        window.setSize(600, 400);
        window.open();
        return window;
    }

    private void work(Shell window, AnnotationWorkspace workspace, String address, PostgresProjectStore trainer,
            TeamClient teammate, Sample first, Sample second) throws Exception {
        window.forceActive();
        input.pumpUntil(() -> display.getActiveShell() == window, 2_000);

        String withPassword = "postgresql://127.0.0.1/frameloop?project=street&password=hunter2";
        String[] refusal = new String[1];
        input.answerWhenShown(CANNOT_OPEN, dialog -> {
            refusal[0] = PostedEvents.collectText(dialog);
            input.key(0, SWT.CR);
        }, failures);
        typeAddress(window, workspace, withPassword);
        check(input.pumpUntil(() -> refusal[0] != null, 30_000) && refusal[0].contains("holds no password")
                && refusal[0].contains("password=***") && !refusal[0].contains("hunter2"),
                "an address with a password is refused, saying so without repeating it: " + refusal[0]);
        check(!workspace.hasProject(), "nothing is opened");

        typeAddress(window, workspace, address);
        check(input.pumpUntil(() -> workspace.hasProject() && workspace.currentSample() != null, 60_000),
                "the team's project opens and leases a sample: " + workspace.progress().text());
        check(first.equals(workspace.currentSample()), "the first open sample is the person's: " + workspace.currentSample());
        check(workspace.frame() == first.frameIndex(), "the workspace shows its frame");

        LabelEdit edit = workspace.beginEdit("brush");
        workspace.paint(edit, first.region().pixelIndices(WIDTH), DemoVideo.CAR);
        workspace.commit(edit, 2);
        workspace.nextSample(); // what Tab does: the finished sample goes to the server
        if (!input.pumpUntil(() -> workspace.notice().contains("stored"), 30_000)) {
            failures.add("the finished sample is stored: " + workspace.notice());
            return;
        }
        List<LedgerEntry> journal = trainer.ledgerEntries();
        check(journal.size() == 1 && journal.get(0).annotatorId().equals("alice") && journal.get(0).clicks() == 2
                && trainer.humanLabels(first.frameIndex()).id(0, 0) == DemoVideo.CAR,
                "the sample is stored once, in alice's name, with her labels and clicks: " + journal);
        check(input.pumpUntil(() -> second.equals(workspace.currentSample()), 30_000),
                "the next open sample is leased to the person");
        check(teammate.next().isEmpty(), "another client never gets the sample the IDE holds");

        new CloseProjectHandler().execute(window, workspace); // File > Close Project
        check(!workspace.hasProject(), "File > Close Project closes it");
        check(teammate.next().map(lease -> lease.sample().equals(second)).orElse(false),
                "closing gave the held sample back to the team");
    }

    /** Runs File > Open Project Address...'s handler and types {@code address} into its dialog, then Enter. */
    private void typeAddress(Shell window, AnnotationWorkspace workspace, String address) {
        input.answerWhenShown(OpenProjectAddressHandler.TITLE, dialog -> {
            Text field = PostedEvents.find(dialog, Text.class);
            field.setText(address);
            field.setSelection(address.length());
            input.key(0, SWT.CR);
        }, failures);
        new OpenProjectAddressHandler().execute(window, workspace); // returns when the dialog is closed
    }

    private void check(boolean condition, String what) {
        if (!condition) {
            failures.add(what);
        }
    }
}
