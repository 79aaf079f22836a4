package fr.alize.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** TCP port helpers: free ports, availability checks and (on Linux) which process holds a port. */
public final class Ports {

    /** Where Linux says the ports of outgoing connections come from. */
    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** How far below the ephemeral range {@link #freePort()} looks. */
    private static final int SPAN = 12_000;
    /** Room left under the ephemeral range for instance ports derived from a chosen one (port + 10·k). */
    private static final int HEADROOM = 200;

    private Ports() {
    }

    /**
     * A port that was free a moment ago, for a server that will bind it later. Where the kernel's ephemeral
     * range is known, the port is taken below it: a port handed out by the kernel (port 0) is in that range,
     * so any outgoing connection made before the server binds (a Kafka or JDBC client of a process starting
     * meanwhile) may be given it as its local port, and the server then fails with "address in use". Falls
     * back to asking the kernel when the range is unknown or leaves no room under it.
     */
    public static int freePort() {
        int low = ephemeralLow(EPHEMERAL_RANGE).orElse(0);
        int from = Math.max(1024, low - SPAN);
        int to = low - HEADROOM;
        if (to - from >= 1_000) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = random.nextInt(from, to);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        return kernelPort();
    }

    /** The first port of the kernel's ephemeral range, as written in {@code file} ("32768 60999"); empty if unreadable. */
    static OptionalInt ephemeralLow(Path file) {
        try {
            String[] bounds = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
            return bounds.length == 2 ? OptionalInt.of(Integer.parseInt(bounds[0])) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static int kernelPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }

    /**
     * True when nothing listens on the port: it can be bound both on the loopback address and on
     * the wildcard address (a server bound to either would collide with ours).
     */
    public static boolean isFree(int port) {
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port in TIME_WAIT is free for a server
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Best effort description of the process listening on a port, such as
     * {@code pid 4242 (java -jar needs-service/target/quarkus-app/quarkus-run.jar)}; empty when unknown
     * (not Linux, or the process belongs to another user).
     */
    public static Optional<String> describeHolder(int port) {
        try {
            Set<String> inodes = listeningInodes(port);
            if (inodes.isEmpty()) {
                return Optional.empty();
            }
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path proc : procs) {
                    if (holdsSocket(proc, inodes)) {
                        long pid = Long.parseLong(proc.getFileName().toString());
                        return Optional.of("pid " + pid + " (" + commandLine(pid) + ")");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort only
        }
        return Optional.empty();
    }

    /**
     * The command line of a process, shortened for messages: for a JVM, {@code java -jar <jar>} or
     * {@code java <main class> <first argument>} without its options.
     */
    public static String commandLine(long pid) {
        List<String> args;
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            args = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            args = List.of(ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?"));
        }
        String cmd = String.join(" ", args);
        if (!args.isEmpty() && args.get(0).endsWith("/java")) {
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("-jar") && i + 1 < args.size()) {
                    cmd = "java -jar " + args.get(i + 1);
                    break;
                } else if (List.of("-cp", "-classpath", "--class-path", "-p", "--module-path").contains(a)) {
                    i++;
                } else if (!a.startsWith("-")) {
                    cmd = "java " + String.join(" ", args.subList(i, Math.min(i + 3, args.size())));
                    break;
                }
            }
        }
        return cmd.length() > 200 ? cmd.substring(0, 197) + "..." : cmd;
    }

    /** Socket inodes in LISTEN state (0A) for the port, from /proc/net/tcp and tcp6. */
    private static Set<String> listeningInodes(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
                    inodes.add("socket:[" + f[9] + "]");
                }
            }
        }
        return inodes;
    }

    private static boolean holdsSocket(Path proc, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException e) {
                    // fd closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // not ours to read
        }
        return false;
    }
}
