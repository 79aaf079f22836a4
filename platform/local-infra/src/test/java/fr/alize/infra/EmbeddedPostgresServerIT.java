package fr.alize.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresServerIT {

    @Test
    void temporaryServerCreatesDatabasesAndDeletesItsDataOnClose() throws Exception {
        Path dataDir;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary()) {
            dataDir = pg.dataDirectory();
            pg.ensureDatabase("needs");
            pg.ensureDatabase("needs"); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("needs"), pg.username(), pg.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database(), current_setting('server_version_num')::int")) {
                assertTrue(rs.next());
                assertEquals("needs", rs.getString(1));
                assertTrue(rs.getInt(2) >= 170000, "PostgreSQL 17 binaries");
            }
            assertTrue(pg.pid().isPresent());
        }
        assertFalse(Files.exists(dataDir), "temporary data directory deleted");
    }

    @Test
    void persistentServerResumesWithItsData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, data, true, dir.resolve("postgres.log"))) {
            pg.ensureDatabase("impact");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("impact"), pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        assertTrue(Files.exists(data.resolve("PG_VERSION")), "data directory kept");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, data, true, dir.resolve("postgres.log"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl("impact"), pg.username(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }
}
