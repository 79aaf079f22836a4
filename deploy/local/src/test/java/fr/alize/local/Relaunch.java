package fr.alize.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running process of the launched suite as an operator restarts it after a crash: its command line, environment and
 * working directory read from /proc while it runs, started again the same way once it has been killed.
 */
record Relaunch(long pid, List<String> command, Map<String, String> environment, Path workDir) {

    static Relaunch of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            List<String> command = Arrays.asList(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
            Map<String, String> environment = new HashMap<>();
            for (String entry : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    environment.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return new Relaunch(pid, List.copyOf(command), Map.copyOf(environment), proc.resolve("cwd").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process " + pid, e);
        }
    }

    /**
     * The same, run in a new user namespace when this test runs as root ({@code unshare -U}, where it is mapped to an
     * unprivileged user): PostgreSQL refuses to start as root, and the embedded server (zonky) starts it that way.
     */
    Relaunch unprivileged() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return this;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return new Relaunch(pid, List.copyOf(wrapped), environment, workDir);
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() throws Exception {
        if (new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor() != 0) {
            throw new IllegalStateException("kill -KILL " + pid + " failed");
        }
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    /** The same command line, environment and directory, its output appended to {@code log}. */
    Process start(Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** SIGTERM and wait, as the launcher stops its own children. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
