package fr.alize.infra;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The broker runs G1 unless its JVM options choose another collector (a JVM given two does not start). */
class KafkaBrokerGcTest {

    @Test
    void g1WithShortPausesByDefault() {
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20"), KafkaBroker.gcOptions(List.of("-Xmx512m")));
    }

    @Test
    void aCollectorChosenInTheOptionsIsTheOnlyOne() {
        assertEquals(List.of(), KafkaBroker.gcOptions(List.of("-Xmx512m", "-XX:+UseSerialGC")));
        assertEquals(List.of(), KafkaBroker.gcOptions(List.of("-XX:+UseParallelGC")));
    }
}
