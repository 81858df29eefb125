package org.frameloop.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Who connects to a project's database, found as libpq finds it: the user from the address, else
 * {@code PGUSER}, else the login name; the password from {@code PGPASSWORD}, else the password file
 * ({@code PGPASSFILE}, else {@code ~/.pgpass}), else none (the server may not ask for one: peer or trust).
 * The password is handed to the driver only; {@link #toString} never shows it, and nothing in Frameloop
 * writes it anywhere.
 *
 * @param password null when none was found
 */
public record Credentials(String user, String password) {

    public Credentials {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("no database user: name one in the address (?user=NAME) or in PGUSER");
        }
    }

    /** The credentials for {@code address} from this process's environment and home folder. */
    public static Credentials forAddress(ProjectAddress address) throws IOException {
        return forAddress(address, System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"));
    }

    /**
     * The credentials for {@code address} from {@code environment} (the variables libpq reads), the password
     * file in {@code home} and the login name.
     *
     * @throws IOException naming the password file when it exists but cannot be read
     */
    public static Credentials forAddress(ProjectAddress address, Map<String, String> environment, Path home,
            String loginName) throws IOException {
        String user = address.user() != null ? address.user() : nonBlank(environment.get("PGUSER")).orElse(loginName);
        Optional<String> password = nonBlank(environment.get("PGPASSWORD"));
        if (password.isPresent()) {
            return new Credentials(user, password.get());
        }
        Path file = nonBlank(environment.get("PGPASSFILE")).map(Path::of).orElse(home.resolve(".pgpass"));
        if (!Files.isRegularFile(file)) {
            return new Credentials(user, null);
        }
        return new Credentials(user, PasswordFile.read(file).password(address.host(), address.port(),
                address.database(), user).orElse(null));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return user + (password == null ? " (no password)" : " (password given)");
    }
}
