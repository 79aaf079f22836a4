package fr.alize.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPU of a process, and the part of it its JIT compiler threads used, read from /proc. */
class ProcessCpuTest {

    @Test
    void theJitsShareOfThisJvmIsCountedAndIsPartOfItsCpu() {
        long self = ProcessHandle.current().pid();
        ProcessCpu cpu = new ProcessCpu(Map.of("self", () -> self));

        Map<String, Double> seconds = cpu.seconds();

        // a JVM that started JUnit has compiled code by now, in its own compiler threads
        double jit = seconds.get(ProcessCpu.JIT);
        assertTrue(jit > 0, "the JIT's seconds: " + jit);
        assertTrue(jit <= seconds.get("self"), jit + " s of JIT within " + seconds.get("self") + " s of the JVM");
        assertTrue(cpu.seconds().get(ProcessCpu.JIT) >= jit, "a later reading never goes back");
    }

    @Test
    void aProcessThatIsGoneHasNoCpuAndNoJit() {
        Map<String, Double> seconds = new ProcessCpu(Map.of("gone", () -> -1L)).seconds();

        assertEquals(0.0, seconds.get("gone"));
        assertEquals(0.0, seconds.get(ProcessCpu.JIT));
    }

    @Test
    void userAndSystemTicksAreReadAfterTheCommandName() {
        String stat = "42 (C2 Compiler (x)) S 1 42 42 0 -1 4194304 100 0 0 0 250 30 7 3 20 0 1 0 100 0 0";

        assertEquals(280, ProcessCpu.ticks(stat, false));
        assertEquals(290, ProcessCpu.ticks(stat, true));
    }
}
