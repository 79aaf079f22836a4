package fr.alize.impact.bench;

import com.sun.management.OperatingSystemMXBean;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU seconds spent so far by the two processes a rebuild keeps busy, read from {@code /proc}: PostgreSQL (its
 * postmaster, every live backend, and the backends that ended, which the postmaster reaped) and this JVM. Zero where
 * there is no {@code /proc}.
 */
record ProcessCpu(long postmaster) {

    /** Clock ticks per second of {@code /proc}'s times: 100 on every Linux we run on. */
    private static final double TICKS = 100.0;

    static ProcessCpu of(DataSource dataSource) throws Exception {
        long backend;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            backend = row.getLong(1);
        }
        String[] stat = stat(backend);
        return new ProcessCpu(stat == null ? -1 : Long.parseLong(stat[3]));
    }

    /** PostgreSQL and this JVM, in CPU seconds. */
    double[] seconds() {
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] stat = stat(Long.parseLong(process.getFileName().toString()));
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(stat[0]);
                if (pid == postmaster) {
                    postgres += ticks(stat, true);
                } else if (Long.parseLong(stat[3]) == postmaster) {
                    postgres += ticks(stat, false);
                }
            }
        } catch (IOException e) {
            return new double[2];
        }
        double jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return new double[]{postgres / TICKS, jvm};
    }

    static double[] minus(double[] after, double[] before) {
        double[] difference = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            difference[i] = after[i] - before[i];
        }
        return difference;
    }

    /** utime + stime, and the reaped children's cutime + cstime when asked. */
    private static long ticks(String[] stat, boolean withChildren) {
        long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        return withChildren ? ticks + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : ticks;
    }

    /** The fields of {@code /proc/<pid>/stat}, the command's name (in parentheses, maybe with spaces) as one; null when gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).trim().split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = line.substring(line.indexOf('(') + 1, close);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
