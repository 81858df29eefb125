package org.frameloop.testkit.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.frameloop.store.postgres.Credentials;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectAddress;
import org.frameloop.store.postgres.ProjectDatabase;
import org.frameloop.store.postgres.WorkFolders;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for the tests: one throwaway cluster per test run, started by scripts/dev-postgres.sh in
 * this fragment's build folder and stopped when the JVM ends. Without server binaries the tests fail in CI
 * ({@code CI=true}: a green run must mean the store was tested) and are skipped elsewhere, saying why.
 * <p>
 * People are database users made here with random passwords, which go into this run's password file only
 * (the tests' ~/.pgpass); every test actor but the administrator is an ordinary user, so row-level security
 * applies to all of them.
 * <p>
 * Shared by the store's tests and the IDE's (editor.tests); each test fragment gets its own cluster in its own
 * build folder. Not part of the contract kit: it needs {@code org.frameloop.store.postgres}, which the kit
 * requires optionally, so a plugin that never touches this package does not need the store.
 */
public final class TestServer {

    private static final int NO_BINARIES = 3;
    private static TestServer running;

    private final Path repository;
    private final Path folder;
    private final String host;
    private final int port;
    private final String database;
    private final String administrator;
    private final Path passwordFile;
    private final Set<String> users = new HashSet<>();

    private TestServer(Path repository, Path folder, Map<String, String> environment) {
        this.repository = repository;
        this.folder = folder;
        this.host = environment.get("PGHOST");
        this.port = Integer.parseInt(environment.get("PGPORT"));
        this.database = environment.get("PGDATABASE");
        this.administrator = environment.get("PGUSER");
        this.passwordFile = folder.resolve("home").resolve(".pgpass");
    }

    /** The server of this test run, started on first use. */
    public static synchronized TestServer get() throws Exception {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static TestServer start() throws Exception {
        Path build = Path.of(System.getProperty("frameloop.test.output", "target")).toAbsolutePath();
        Path repository = repository(build);
        Path folder = build.resolve("postgres");
        Path script = repository.resolve("scripts").resolve("dev-postgres.sh");
        Process process = new ProcessBuilder("bash", script.toString(), "start", folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not start a server within 120 s");
        }
        if (process.exitValue() == NO_BINARIES) {
            String message = "no PostgreSQL server binaries (apt-get install postgresql; .ci/run installs it): the "
                    + "PostgreSQL project store is not tested";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        if (process.exitValue() != 0) {
            fail(script + " start failed with status " + process.exitValue() + " (its messages are above)");
        }
        Map<String, String> environment = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("export ")) {
                String[] pair = line.substring(7).split("=", 2);
                environment.put(pair[0], pair[1]);
            }
        }
        TestServer server = new TestServer(repository, folder, environment);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        Files.createDirectories(server.passwordFile.getParent());
        Files.writeString(server.passwordFile, "");
        // database projects keep their local work folders (flow cache, checkpoint in use) in the build folder
        System.setProperty(WorkFolders.ROOT_PROPERTY, folder.resolve("work").toString());
        try (Connection admin = server.administratorConnection()) {
            // the administrator's first connection creates the Frameloop schema and the role frameloop_user
        }
        return server;
    }

    private static Path repository(Path build) {
        for (Path p = build; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts").resolve("dev-postgres.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no scripts/dev-postgres.sh above " + build);
    }

    private void stop() {
        try {
            new ProcessBuilder("bash", repository.resolve("scripts/dev-postgres.sh").toString(), "stop",
                    folder.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; the cluster folder is deleted with the build folder
        }
    }

    public Path repository() {
        return repository;
    }

    /** The environment a client of this server runs with: the variables libpq and Frameloop read. */
    public Map<String, String> environment() {
        return Map.of("PGPASSFILE", passwordFile.toString());
    }

    /**
     * Runs {@code work} as a process whose home folder holds this run's password file as {@code ~/.pgpass},
     * which is where a command finds the password for an address ({@code PGPASSWORD} and {@code PGPASSFILE}
     * are not set in the tests' environment).
     */
    public <T> T withPasswordFileAtHome(java.util.concurrent.Callable<T> work) throws Exception {
        Assumptions.assumeTrue(System.getenv("PGPASSWORD") == null && System.getenv("PGPASSFILE") == null,
                "PGPASSWORD or PGPASSFILE is set in this environment: a command would not read ~/.pgpass");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", passwordFile.getParent().toString());
        try {
            return work.call();
        } finally {
            System.setProperty("user.home", home);
        }
    }

    /** What a person types to name {@code project} as {@code user}. */
    public String location(String project, String user) {
        return ProjectAddress.SCHEME + host + ":" + port + "/" + database + "?project=" + project + "&user=" + user;
    }

    /** A new project name, so that tests never share a project. */
    public static String newProjectName(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ProjectAddress address(String project, String user) {
        return new ProjectAddress(host, port, database, project, user);
    }

    public Credentials credentials(ProjectAddress address) throws IOException {
        return Credentials.forAddress(address, environment(), folder, "nobody");
    }

    /** The cluster's superuser (bypasses row-level security: only for setting up people). */
    public Connection administratorConnection() throws IOException {
        ProjectAddress address = new ProjectAddress(host, port, database, "-", administrator);
        Map<String, String> environment = Map.of("PGPASSFILE", folder.resolve("pgpass").toString());
        return ProjectDatabase.connect(address, Credentials.forAddress(address, environment, folder, "nobody"));
    }

    /**
     * A database user {@code name} who may use Frameloop (role frameloop_user) or not, with a fresh password
     * in this run's password file.
     */
    public synchronized void person(String name, boolean frameloopUser) throws IOException, SQLException {
        if (!users.add(name)) {
            return;
        }
        String password = UUID.randomUUID().toString();
        try (Connection admin = administratorConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name
                    + "') THEN CREATE ROLE " + name + " LOGIN; END IF; END $$");
            statement.execute("ALTER ROLE " + name + " PASSWORD '" + password + "'");
            statement.execute((frameloopUser ? "GRANT" : "REVOKE") + " frameloop_user " + (frameloopUser ? "TO" : "FROM")
                    + " " + name);
        }
        Files.writeString(passwordFile, String.join(":", List.of(host, Integer.toString(port), database, name, password))
                + "\n", StandardOpenOption.APPEND);
    }

    /** A project store of {@code project} opened as {@code user}. */
    public PostgresProjectStore open(String project, String user) throws IOException {
        ProjectAddress address = address(project, user);
        return PostgresProjectStore.open(address, credentials(address));
    }

    /** A plain connection as {@code user}, for asking the database directly what it allows. */
    public Connection connect(String user) throws IOException {
        ProjectAddress address = address("-", user);
        return ProjectDatabase.connect(address, credentials(address));
    }
}
