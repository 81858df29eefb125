package org.frameloop.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A libpq password file ({@code ~/.pgpass}): lines of {@code hostname:port:database:username:password},
 * {@code *} matching anything in the first four fields, {@code \:} and {@code \\} escaping, {@code #}
 * starting a comment; the first line that matches wins. Read, never written.
 */
final class PasswordFile {

    private record Entry(String host, String port, String database, String user, String password) {
        boolean matches(String host, int port, String database, String user) {
            return field(this.host, host) && field(this.port, Integer.toString(port)) && field(this.database, database)
                    && field(this.user, user);
        }

        private static boolean field(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }
    }

    private final List<Entry> entries;

    private PasswordFile(List<Entry> entries) {
        this.entries = entries;
    }

    /** @throws IOException naming the file when it cannot be read */
    static PasswordFile read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the password file (" + e.getMessage() + ")", e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5) { // libpq skips malformed lines too
                entries.add(new Entry(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
            }
        }
        return new PasswordFile(entries);
    }

    /** The password of the first line matching the connection, if any. */
    Optional<String> password(String host, int port, String database, String user) {
        for (Entry entry : entries) {
            if (entry.matches(host, port, database, user)) {
                return Optional.of(entry.password());
            }
        }
        return Optional.empty();
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
