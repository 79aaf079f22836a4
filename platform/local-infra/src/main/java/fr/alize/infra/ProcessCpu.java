package fr.alize.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * CPU time of the suite's processes from {@code /proc/<pid>/stat}: user + system time of the process (all its
 * threads) and of its children that ended and were waited for, so that PostgreSQL's backends, which come and go,
 * are counted in their postmaster once they end and while they live. In clock ticks of 1/100 s (USER_HZ).
 */
public final class ProcessCpu {

    static final double TICKS_PER_SECOND = 100;

    /** The key of {@link #seconds()} that holds the JIT's share: it is part of the JVMs' figures, not added to them. */
    public static final String JIT = "jit";
    /** HotSpot's compiler threads, as {@code /proc/<pid>/task/<tid>/comm} names them (15 characters at most). */
    private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

    /** Process names to how to find their pid now (a process restarted keeps its name). */
    private final Map<String, LongSupplier> processes;
    /** The last CPU ticks read of each compiler thread ever seen: HotSpot starts and stops them as the load goes. */
    private final Map<String, Long> compilerTicks = new HashMap<>();

    public ProcessCpu(Map<String, LongSupplier> processes) {
        this.processes = processes;
    }

    /**
     * Seconds of CPU each process has used so far, and under {@link #JIT} those all their compiler threads used (of
     * a thread that ended, up to its last reading).
     */
    public Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<Long> pids = new ArrayList<>();
        processes.forEach((name, supplier) -> {
            long pid = supplier.getAsLong(); // may search the process tree: once per reading
            pids.add(pid);
            seconds.put(name, seconds(pid));
        });
        seconds.put(JIT, compilerSeconds(pids));
        return seconds;
    }

    private synchronized double compilerSeconds(List<Long> pids) {
        for (long pid : pids) {
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            try (Stream<Path> threads = Files.list(tasks)) {
                threads.forEach(thread -> {
                    try {
                        if (COMPILER_THREADS.contains(Files.readString(thread.resolve("comm")).strip())) {
                            compilerTicks.put(pid + "/" + thread.getFileName(),
                                    ticks(Files.readString(thread.resolve("stat")), false));
                        }
                    } catch (IOException e) {
                        // the thread ended meanwhile: its last reading stays
                    }
                });
            } catch (IOException e) {
                // no such process (now): nothing to add
            }
        }
        return compilerTicks.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
    }

    /** Seconds of CPU one process, its live children and those that ended have used so far. */
    public static double seconds(long pid) {
        return ticksWithLiveChildren(pid) / TICKS_PER_SECOND;
    }

    /** Per command, the CPU seconds each process used between two readings. */
    public static Map<String, Double> perCommand(Map<String, Double> before, Map<String, Double> after, int commands) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, seconds) -> per.put(name, commands == 0 ? Double.NaN : (seconds - before.getOrDefault(name, 0.0)) / commands));
        return per;
    }

    private static long ticksWithLiveChildren(long pid) {
        long ticks = ticks(pid, true);
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(java.util.List.of())) {
            ticks += ticks(child.pid(), true);
        }
        return ticks;
    }

    /** utime + stime (+ cutime + cstime) of one process; 0 when it is gone. */
    public static long ticks(long pid, boolean withWaitedChildren) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withWaitedChildren);
        } catch (IOException e) {
            return 0;
        }
    }

    /** From the text of a stat file: fields 14 to 17, counted after the command name in parentheses. */
    public static long ticks(String stat, boolean withWaitedChildren) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withWaitedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }
}
