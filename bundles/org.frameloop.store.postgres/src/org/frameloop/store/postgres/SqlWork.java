package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection in one transaction ({@link #inTransaction}). */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException, IOException;

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws, so that
     * either all of it is stored or none.
     */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
