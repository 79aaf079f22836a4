package fr.alize.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.infra.ProcessCpu;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures of the report: percentiles, ratios to the raw inserts, CPU per command, and how they are written. */
class LoadReportTest {

    /** 1 to 100 ms, one each: p50 is 50 ms, p99 99 ms, max 100 ms. */
    private static Sample oneToHundredMillis(double seconds) {
        return Sample.of(LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray(), 0, seconds);
    }

    @Test
    void percentilesAreByNearestRankAndThroughputIsAnswersASecond() {
        Sample sample = Sample.of(new long[]{5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000}, 2, 2.5);
        assertEquals(3.0, sample.percentileMillis(0.5));
        assertEquals(5.0, sample.percentileMillis(0.99));
        assertEquals(1.0, sample.percentileMillis(0));
        assertEquals(5.0, sample.maxMillis());
        assertEquals(2.0, sample.perSecond());
        assertTrue(Double.isNaN(Sample.of(new long[0], 0, 1).percentileMillis(0.5)));
    }

    @Test
    void eachRowIsComparedWithTheRawInsertsOfAsManyClients() throws Exception {
        LoadReport report = new LoadReport();
        report.add(new LoadReport.Row(LoadReport.RAW, 1, 1, Sample.of(LongStream.rangeClosed(1, 100)
                .map(ms -> ms * 100_000).toArray(), 0, 0.1), Map.of("postgres", 0.0001)));
        // 100 answers in 1 s = 100/s against 1,000 raw inserts/s; latencies 10 times the raw ones
        report.add(new LoadReport.Row("publish a need", 1, 1, oneToHundredMillis(1), Map.of("needs", 0.015)));
        // bulk uploads compare their rows a second: 100 uploads of 1,000 rows in 10 s = 10,000 rows/s
        report.add(new LoadReport.Row("HR bulk upload", 1, 1000, oneToHundredMillis(10), Map.of("volunteer", 0.5)));
        report.add(new LoadReport.Row("log time", 16, 1, oneToHundredMillis(1), Map.of()));
        report.add(new LoadReport.Effect("publish a need", 50, Sample.of(new long[]{20_000_000, 40_000_000}, 1, 10)));
        report.machine("load average before", "1.00 0.50 0.25 1/100 42");

        assertEquals(0.1, report.throughputRatio(report.rows().get(1)), 1e-9);
        assertEquals(10.0, report.latencyRatio(report.rows().get(1), 0.5), 1e-9);
        assertEquals(10.0, report.throughputRatio(report.rows().get(2)), 1e-9);
        assertTrue(Double.isNaN(report.throughputRatio(report.rows().get(3))), "no raw figure for 16 clients");

        String table = report.table();
        assertTrue(table.contains("| publish a need | 1 | 100.0 | 50.00 | 99.00 | 100.00 | 0 | 0.10 | 10.00 | 10.00 |"), table);
        assertTrue(table.contains(" 15.00 |"), "CPU in ms per command: " + table);
        assertTrue(table.contains("| log time | 16 | 100.0 | 50.00 | 99.00 | 100.00 | 0 | - | - | - |"), table);
        assertTrue(table.contains("| publish a need | 50.0 | 2 | 20.0 | 40.0 | 40.0 | 1 |"), table);
        assertTrue(table.contains("load average before: 1.00"), table);

        JsonNode json = new ObjectMapper().readTree(report.json());
        JsonNode need = json.path("phases").path(1);
        assertEquals("publish a need", need.path("what").asText());
        assertEquals(100.0, need.path("perSecond").asDouble(), 1e-9);
        assertEquals(0.1, need.path("itemsPerSecondToRaw").asDouble(), 1e-9);
        assertEquals(0.015, need.path("cpuSecondsPerCommand").path("needs").asDouble(), 1e-12);
        assertTrue(json.path("phases").path(3).path("itemsPerSecondToRaw").isNull(), "NaN is written as null");
        assertEquals(40.0, json.path("effectVisibleInImpact").path(0).path("p99Ms").asDouble(), 1e-9);
    }

    @Test
    void cpuTicksAreReadAfterTheCommandNameWhateverItHolds() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        String stat = "42 (java (a) b) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 30 0";
        assertEquals(300, ProcessCpu.ticks(stat, false));
        assertEquals(310, ProcessCpu.ticks(stat, true));
        assertEquals(Map.of("needs", 0.5), ProcessCpu.perCommand(Map.of("needs", 1.0), Map.of("needs", 6.0), 10));
    }
}
