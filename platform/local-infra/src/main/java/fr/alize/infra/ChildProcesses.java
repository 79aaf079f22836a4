package fr.alize.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and stopping the child processes of the local infrastructure. */
public final class ChildProcesses {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildProcesses() {
    }

    /** The java executable of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs the command in a session of its own where {@code setsid} exists, so a Ctrl-C in the
     * terminal reaches only the parent, which then stops its children in order. setsid execs in
     * place (same pid) since a spawned child is never a process group leader.
     */
    public static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Asks a process to stop (SIGTERM) and waits until it has exited. Only past {@code timeout} is it
     * killed, as a last resort.
     *
     * @return true when it stopped within the timeout (false: it had to be killed)
     */
    public static boolean terminate(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, timeout)) {
            return true;
        }
        System.getLogger(ChildProcesses.class.getName()).log(System.Logger.Level.WARNING,
                "pid " + process.pid() + " did not stop within " + timeout.toSeconds() + " s after SIGTERM, killing it");
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return false;
    }

    /** Waits for a process (child or not) to exit. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last lines of a log file, for error messages ("" when unreadable). */
    public static String tail(Path file, int lines) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            int length = (int) Math.min(size, 64 * 1024);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            ch.position(size - length);
            while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                // read the end of the file
            }
            List<String> all = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (Exception e) {
            return "";
        }
    }

    /** Resident memory of a process in KiB, from /proc/<pid>/status (-1 when unknown). */
    public static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // gone or not Linux
        }
        return -1;
    }
}
