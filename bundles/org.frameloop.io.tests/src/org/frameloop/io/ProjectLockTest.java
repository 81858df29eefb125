package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.frameloop.core.label.LabelStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per project: in one process, across processes, and after a writer died without closing. */
class ProjectLockTest {

    private static final int FRAMES = 3;

    /** Beyond every Linux pid_max (at most 2^22): never a running process. */
    private static final long DEAD_PID = 999_999_999L;

    @TempDir
    Path temp;

    private Path project;

    @BeforeEach
    void aProject() throws IOException {
        project = temp.resolve("project");
        ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP, Map.of()).close();
    }

    @Test
    void aSecondOpenForWritingInOneProcessIsRefusedNamingTheFolderAndTheHolderAndWorksAfterClose() throws IOException {
        long pid = ProcessHandle.current().pid();
        try (ProjectStore first = ProjectStore.open(project, "cli run")) {
            ProjectException refused = assertThrows(ProjectException.class, () -> ProjectStore.open(project, "ide"));

            assertTrue(refused.getMessage().startsWith(project.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("already open for writing in this process by cli run (pid " + pid
                    + " on host " + LockOwner.thisHost() + ", since "), refused.getMessage());
            assertEquals("cli run", ProjectLock.recordedOwner(project).orElseThrow().what());
        }
        assertTrue(ProjectLock.recordedOwner(project).isEmpty(), "closing removes the owner record");
        try (ProjectStore reopened = ProjectStore.open(project, "ide")) {
            assertEquals(pid, ProjectLock.recordedOwner(project).orElseThrow().pid());
            assertEquals(List.of(), reopened.notes(), "a clean reopen takes nothing over");
        }
    }

    @Test
    void aProjectHeldForWritingCanStillBeReadButNotWrittenThroughTheReadOnlyStore() throws IOException {
        try (ProjectStore writer = ProjectStore.open(project, "cli run");
                ProjectStore reader = ProjectStore.openReadOnly(project)) {
            assertTrue(reader.readOnly());
            assertEquals(SyntheticScene.info(FRAMES), reader.video());
            LabelStore labels = reader.readLabels();
            ProjectException refused = assertThrows(ProjectException.class,
                    () -> reader.writeAutoLabels(0, labels, reader.labelMap()));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
            assertFalse(Files.exists(reader.labelFile("auto", 0)));
        }
    }

    @Test
    void aWriterInAnotherProcessIsNamedWithItsPidAndWhatItDoesAndTheProjectOpensOnceItEnds() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(CrashResumeTest.javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", CrashResumeTest.childClassPath(), LockHolder.class.getName(), project.toString(), "cli export");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); Writer toChild = new OutputStreamWriter(child.getOutputStream(),
                        StandardCharsets.UTF_8)) {
            assertEquals("locked", lines.readLine(), "the child holds the project");

            ProjectException refused = assertThrows(ProjectException.class,
                    () -> ProjectStore.open(project, "cli run"));

            assertTrue(refused.getMessage().startsWith(project.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("is open for writing by cli export (pid " + child.pid()
                    + " on host " + LockOwner.thisHost()), refused.getMessage());
            assertTrue(refused.getMessage().contains("one writer per project"), refused.getMessage());

            toChild.write("done\n");
            toChild.flush();
            assertEquals("released", lines.readLine());
        } finally {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue());
        try (ProjectStore store = ProjectStore.open(project, "cli run")) {
            assertEquals(List.of(), store.notes());
        }
    }

    @Test
    void theLockOfAWriterThatDiedIsTakenOverSayingWhoseItWas() throws IOException {
        LockOwner dead = new LockOwner(LockOwner.thisHost(), DEAD_PID, "2026-01-01T00:00:00Z", "cli run");
        Files.writeString(project.resolve(ProjectLock.OWNER_FILE), dead.toJson());

        try (ProjectStore store = ProjectStore.open(project, "ide")) {
            assertEquals(List.of("took over the lock left by cli run (pid " + DEAD_PID + " on host "
                    + LockOwner.thisHost() + ", since 2026-01-01T00:00:00Z), which no longer runs"), store.notes());
            assertEquals(ProcessHandle.current().pid(), ProjectLock.recordedOwner(project).orElseThrow().pid());
        }
    }

    @Test
    void aLockRecordedByAnotherHostIsRefusedSinceItsLockMayNotReachThisHost() throws IOException {
        LockOwner elsewhere = new LockOwner("render-farm-7", 4242, "2026-01-01T00:00:00Z", "cli run");
        Files.writeString(project.resolve(ProjectLock.OWNER_FILE), elsewhere.toJson());

        ProjectException refused = assertThrows(ProjectException.class, () -> ProjectStore.open(project, "ide"));

        assertTrue(refused.getMessage().contains("cli run (pid 4242 on host render-farm-7"), refused.getMessage());
        assertTrue(refused.getMessage().contains("delete " + project.resolve(ProjectLock.OWNER_FILE)),
                refused.getMessage());
        assertEquals(elsewhere, ProjectLock.recordedOwner(project).orElseThrow(), "the record is left as it was");
    }
}
