package fr.alize.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's binaries, started with {@code pg_ctl}), listening on localhost.
 *
 * <p>Two modes: <em>persistent</em> keeps the data directory between starts (local launcher: a second
 * start resumes with its data, fsync and synchronous commit on); otherwise the data directory is a
 * fresh one deleted on {@link #close()} (tests: speed over durability). Authentication is {@code trust}
 * for local connections, so the password is not checked.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean persistent;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean persistent) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.persistent = persistent;
    }

    /** A throw-away server on a free port in a fresh temporary directory (tests). */
    public static EmbeddedPostgresServer startTemporary() {
        try {
            return start(0, Files.createTempDirectory("alize-pg-"), false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server.
     *
     * @param port          TCP port, 0 for a free one
     * @param dataDirectory the cluster directory; created and initialised when it holds no cluster yet
     * @param persistent    keep the data directory on close (and make commits durable)
     * @param logFile       where PostgreSQL's output goes (appended), or null to log it through slf4j
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean persistent, Path logFile) {
        try {
            Path dir = dataDirectory.toAbsolutePath();
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(!persistent)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200");
            if (persistent) {
                // zonky runs postgres with -F (fsync off) and synchronous_commit off: fine for tests,
                // not for data that must survive a crash of the machine.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                ProcessBuilder.Redirect redirect = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                builder.setOutputRedirector(redirect).setErrorRedirector(redirect);
            }
            return new EmbeddedPostgresServer(builder.start(), dir, persistent);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Creates the database when it does not exist yet. */
    public void ensureDatabase(String name) {
        ensureDatabase(jdbcUrl("postgres"), USERNAME, PASSWORD, name);
    }

    /**
     * Creates a database when missing, through any server reachable at {@code adminJdbcUrl} (usable
     * without holding the server object, e.g. from another classloader).
     */
    public static void ensureDatabase(String adminJdbcUrl, String user, String password, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " at " + adminJdbcUrl + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The postmaster's pid, from {@code postmaster.pid} (the server runs detached from this JVM). */
    public OptionalLong pid() {
        return postmasterPid(dataDirectory);
    }

    /** The pid written by a running postmaster in its data directory, if any. */
    public static OptionalLong postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and, unless persistent, deletes its data. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port() + " (" + dataDirectory + ")";
    }
}
