package fr.alize.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the harness measured: one row per phase, the effect delays, the memory of each process, the
 * machine's load; printed as one table ({@link #table()}) and written as JSON ({@link #json()}). See docs/load.md.
 */
final class LoadReport {

    /**
     * One phase: {@code what} was done by {@code clients} clients in a closed loop; {@code itemsPerCommand} is what
     * a command carries (1, or the rows of a bulk upload), compared with the raw inserts of as many clients.
     */
    record Row(String what, int clients, int itemsPerCommand, Sample sample, Map<String, Double> cpuSecondsPerCommand) {
    }

    /** The time from a command's 2xx to its effect in impact-service's API, at a rate of commands a second. */
    record Effect(String what, double commandsPerSecond, Sample delays) {
    }

    static final String RAW = "raw insert";

    private final List<Row> rows = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();
    private final Map<String, Long> maxRssKib = new LinkedHashMap<>();
    private final Map<String, String> machine = new LinkedHashMap<>();

    void add(Row row) {
        rows.add(row);
    }

    void add(Effect effect) {
        effects.add(effect);
    }

    void rss(Map<String, Long> maxKib) {
        maxRssKib.putAll(maxKib);
    }

    void machine(String key, String value) {
        machine.put(key, value);
    }

    List<Row> rows() {
        return rows;
    }

    /** The raw insert row with this many clients, or null. */
    Row raw(int clients) {
        return rows.stream().filter(r -> r.what().equals(RAW) && r.clients() == clients).findFirst().orElse(null);
    }

    /** Items a second of the row against raw inserts a second with as many clients. */
    double throughputRatio(Row row) {
        Row raw = raw(row.clients());
        return raw == null ? Double.NaN : row.sample().perSecond() * row.itemsPerCommand() / raw.sample().perSecond();
    }

    /** A latency percentile of the row against the same percentile of raw inserts with as many clients. */
    double latencyRatio(Row row, double p) {
        Row raw = raw(row.clients());
        return raw == null ? Double.NaN : row.sample().percentileMillis(p) / raw.sample().percentileMillis(p);
    }

    /** The processes named in the CPU columns, in the order they were first met. */
    private List<String> processes() {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> r.cpuSecondsPerCommand().keySet().forEach(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        }));
        return names;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        List<String> processes = processes();
        StringBuilder header = new StringBuilder("| what | clients | answers/s | p50 ms | p99 ms | max ms | errors | ×raw items/s | ×raw p50 | ×raw p99 |");
        processes.forEach(p -> header.append(" CPU ms/cmd ").append(p).append(" |"));
        out.append(header).append('\n');
        out.append("|---".repeat(10 + processes.size())).append("|\n");
        for (Row row : rows) {
            Sample s = row.sample();
            boolean raw = row.what().equals(RAW);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %d | %s | %s | %s |", row.what(),
                    row.clients(), s.perSecond(), s.percentileMillis(0.5), s.percentileMillis(0.99), s.maxMillis(),
                    s.errors(), raw ? "1" : ratio(throughputRatio(row)), raw ? "1" : ratio(latencyRatio(row, 0.5)),
                    raw ? "1" : ratio(latencyRatio(row, 0.99))));
            for (String p : processes) {
                Double cpu = row.cpuSecondsPerCommand().get(p);
                out.append(cpu == null ? " |" : String.format(Locale.ROOT, " %.2f |", cpu * 1000));
            }
            out.append('\n');
        }
        if (!effects.isEmpty()) {
            out.append("\n| effect visible in impact-service | at commands/s | measured | p50 ms | p99 ms | max ms | not seen |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            for (Effect e : effects) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.1f | %.1f | %.1f | %d |\n", e.what(),
                        e.commandsPerSecond(), e.delays().count(), e.delays().percentileMillis(0.5),
                        e.delays().percentileMillis(0.99), e.delays().maxMillis(), e.delays().errors()));
            }
        }
        if (!maxRssKib.isEmpty()) {
            out.append("\nmax RSS: ");
            List<String> parts = new ArrayList<>();
            maxRssKib.forEach((name, kib) -> parts.add(String.format(Locale.ROOT, "%s %d MiB", name, kib / 1024)));
            out.append(String.join(", ", parts)).append('\n');
        }
        machine.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        return out.toString();
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    private static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 0.1 ? "%.3f" : "%.2f", value);
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("what", row.what());
            phase.put("clients", row.clients());
            phase.put("itemsPerCommand", row.itemsPerCommand());
            phase.put("answers", row.sample().count());
            phase.put("errors", row.sample().errors());
            phase.put("seconds", row.sample().seconds());
            phase.put("perSecond", number(row.sample().perSecond()));
            phase.put("p50Ms", number(row.sample().percentileMillis(0.5)));
            phase.put("p99Ms", number(row.sample().percentileMillis(0.99)));
            phase.put("maxMs", number(row.sample().maxMillis()));
            if (!row.what().equals(RAW)) {
                phase.put("itemsPerSecondToRaw", number(throughputRatio(row)));
                phase.put("p50ToRaw", number(latencyRatio(row, 0.5)));
                phase.put("p99ToRaw", number(latencyRatio(row, 0.99)));
            }
            phase.put("cpuSecondsPerCommand", row.cpuSecondsPerCommand());
            phases.add(phase);
        }
        root.put("phases", phases);
        List<Map<String, Object>> visible = new ArrayList<>();
        for (Effect e : effects) {
            Map<String, Object> effect = new LinkedHashMap<>();
            effect.put("what", e.what());
            effect.put("commandsPerSecond", number(e.commandsPerSecond()));
            effect.put("measured", e.delays().count());
            effect.put("notSeen", e.delays().errors());
            effect.put("p50Ms", number(e.delays().percentileMillis(0.5)));
            effect.put("p99Ms", number(e.delays().percentileMillis(0.99)));
            effect.put("maxMs", number(e.delays().maxMillis()));
            visible.add(effect);
        }
        root.put("effectVisibleInImpact", visible);
        root.put("maxRssKib", maxRssKib);
        root.put("machine", machine);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
