package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project addresses and where their credentials come from; no server needed. */
class ProjectAddressTest {

    @TempDir
    Path home;

    @Test
    void anAddressNamesServerDatabaseProjectAndMaybeTheUser() {
        ProjectAddress address = ProjectAddress.parse("postgresql://db.example.org:6543/labels?project=street%205&user=alice");
        assertEquals(new ProjectAddress("db.example.org", 6543, "labels", "street 5", "alice"), address);
        assertEquals("jdbc:postgresql://db.example.org:6543/labels", address.jdbcUrl());
        assertEquals(5432, ProjectAddress.parse("postgresql://localhost/labels?project=p").port());
        assertNull(ProjectAddress.parse("postgresql://localhost/labels?project=p").user());
        assertTrue(ProjectAddress.isAddress("postgresql://h/d?project=p"));
        assertFalse(ProjectAddress.isAddress("/data/projects/p"));
    }

    @Test
    void anAddressWithAPasswordIsRefusedWithoutRepeatingIt() {
        for (String text : new String[] { "postgresql://alice:s3cret@host/db?project=p",
                "postgresql://host/db?project=p&password=s3cret" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProjectAddress.parse(text));
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().contains("PGPASSWORD or ~/.pgpass"), e.getMessage());
        }
    }

    @Test
    void anAddressWithoutAProjectSaysWhatToAdd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectAddress.parse("postgresql://host/db"));
        assertTrue(e.getMessage().contains("?project=NAME"), e.getMessage());
    }

    @Test
    void thePasswordComesFromPgpasswordElseThePasswordFileElseNowhere() throws Exception {
        ProjectAddress address = ProjectAddress.parse("postgresql://db.example.org:6543/labels?project=p&user=alice");
        Files.writeString(home.resolve(".pgpass"), "# team file\nother:*:*:*:wrong\n"
                + "db.example.org:6543:labels:alice:from\\:file\n*:*:*:*:fallback\n");
        assertEquals(new Credentials("alice", "from:file"), Credentials.forAddress(address, Map.of(), home, "login"));
        assertEquals(new Credentials("alice", "from-env"),
                Credentials.forAddress(address, Map.of("PGPASSWORD", "from-env"), home, "login"));
        assertEquals(new Credentials("bob", "fallback"), Credentials.forAddress(
                ProjectAddress.parse("postgresql://db.example.org:6543/labels?project=p"), Map.of("PGUSER", "bob"), home,
                "login"));
        Path elsewhere = home.resolve("team.pgpass");
        Files.writeString(elsewhere, "*:*:*:alice:elsewhere\n");
        assertEquals("elsewhere", Credentials.forAddress(address, Map.of("PGPASSFILE", elsewhere.toString()), home,
                "login").password());
        Files.delete(home.resolve(".pgpass"));
        assertEquals(new Credentials("login", null), Credentials.forAddress(
                ProjectAddress.parse("postgresql://h/d?project=p"), Map.of(), home, "login"));
        assertFalse(new Credentials("alice", "s3cret").toString().contains("s3cret"));
    }
}
