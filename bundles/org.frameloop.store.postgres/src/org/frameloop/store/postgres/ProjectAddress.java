package org.frameloop.store.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a project lives on a PostgreSQL server, as a person writes it wherever a project folder is accepted:
 * <pre>
 * postgresql://HOST[:PORT]/DATABASE?project=NAME[&amp;user=USER]
 * </pre>
 * The port defaults to 5432; the user, when not given, comes from {@code PGUSER} or the login name
 * ({@link Credentials}). An address never holds a password: one written into it ({@code user:secret@host},
 * {@code password=}) is refused, so that it cannot end up in a project, a log or the journal.
 *
 * @param user the database user named in the address, or null
 */
public record ProjectAddress(String host, int port, String database, String project, String user) {

    public static final String SCHEME = "postgresql://";
    public static final int DEFAULT_PORT = 5432;

    private static final Pattern FORM = Pattern.compile(
            "postgresql://(?<authority>[^/?#]*)/(?<database>[^/?#]+)(?:\\?(?<query>[^#]*))?");
    private static final Pattern HOST_PORT = Pattern.compile("(?<host>\\[[0-9a-fA-F:]+\\]|[^:\\[\\]]+)(?::(?<port>\\d{1,5}))?");

    public ProjectAddress {
        if (host == null || host.isBlank() || database == null || database.isBlank() || project == null
                || project.isBlank()) {
            throw new IllegalArgumentException("a project address needs a host, a database and a project name");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
    }

    /** Whether {@code text} is meant as a database address rather than a folder. */
    public static boolean isAddress(String text) {
        return text != null && text.startsWith(SCHEME);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the address, without repeating a password
     */
    public static ProjectAddress parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + withoutSecrets(text) + "' is not a project address; expected "
                    + SCHEME + "HOST[:PORT]/DATABASE?project=NAME");
        }
        String authority = matcher.group("authority");
        if (authority.contains("@")) {
            throw new IllegalArgumentException("a project address names no user or password before the host ("
                    + withoutSecrets(text) + "): give the user as ?user=NAME and the password in PGPASSWORD or ~/.pgpass");
        }
        Matcher hostPort = HOST_PORT.matcher(authority);
        if (!hostPort.matches()) {
            throw new IllegalArgumentException("'" + authority + "' is not HOST or HOST:PORT in " + text);
        }
        String host = hostPort.group("host");
        int port = hostPort.group("port") == null ? DEFAULT_PORT : Integer.parseInt(hostPort.group("port"));
        Map<String, String> query = query(matcher.group("query"), text);
        if (query.containsKey("password")) {
            throw new IllegalArgumentException("a project address holds no password (" + withoutSecrets(text)
                    + "): put it in PGPASSWORD or ~/.pgpass");
        }
        for (String key : query.keySet()) {
            if (!key.equals("project") && !key.equals("user")) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' in " + text
                        + "; a project address takes project= and user=");
            }
        }
        String project = query.get("project");
        if (project == null || project.isBlank()) {
            throw new IllegalArgumentException(text + " names no project: add ?project=NAME");
        }
        return new ProjectAddress(host, port, decode(matcher.group("database")), project, query.get("user"));
    }

    private static Map<String, String> query(String query, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (equals < 0 || values.put(key, decode(pair.substring(equals + 1))) != null) {
                throw new IllegalArgumentException("'" + key + "' needs exactly one value in " + withoutSecrets(text));
            }
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The address as a person may see it in a message: anything between "//" and "@", and password=, masked. */
    static String withoutSecrets(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)(password=)[^&#]*", "$1***");
    }

    /** The same server and database, another project. */
    public ProjectAddress withProject(String name) {
        return new ProjectAddress(host, port, database, name, user);
    }

    /** The JDBC URL of the database (no user, no password: those travel as connection properties). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** postgresql://HOST:PORT/DATABASE, for messages about the server rather than one project. */
    public String server() {
        return SCHEME + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return server() + "?project=" + project + (user == null ? "" : "&user=" + user);
    }
}
