package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a connection to the database of a project address and brings its Frameloop schema up to date
 * ({@link SchemaMigrations}). The driver is created directly: {@code java.sql.DriverManager} looks drivers
 * up through the class path, which does not see the driver's bundle inside OSGi.
 */
public final class ProjectDatabase {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private ProjectDatabase() {
    }

    /**
     * A new connection as {@code credentials.user()}, in auto-commit mode, its schema checked.
     *
     * @throws DatabaseException naming the server when it cannot be reached, refuses the login, or holds a
     *                           schema this build cannot use
     */
    public static Connection connect(ProjectAddress address, Credentials credentials) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        properties.setProperty("ApplicationName", "Frameloop");
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection;
        try {
            connection = new org.postgresql.Driver().connect(address.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw DatabaseException.of(address.server(), "connect as " + credentials.user(), e);
        }
        if (connection == null) {
            throw new DatabaseException(address.server(), "the PostgreSQL driver does not take " + address.jdbcUrl());
        }
        try {
            SchemaMigrations.bringUpToDate(connection, address.server());
            return connection;
        } catch (IOException | RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing left to save
        }
    }
}
