package fr.alize.testing;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfraModeTest {

    @Test
    void containersWhereDockerAnswers() {
        InfraMode.Choice choice = InfraMode.choose(null, () -> true);
        assertEquals(InfraMode.CONTAINERS, choice.mode());
        assertTrue(choice.reason().contains("Docker engine answers"), choice.reason());
    }

    @Test
    void embeddedWhereNoDockerAnswers() {
        assertEquals(InfraMode.EMBEDDED, InfraMode.choose("", () -> false).mode());
        assertEquals(InfraMode.EMBEDDED, InfraMode.choose("auto", () -> false).mode());
    }

    @Test
    void aFailingDockerProbeMeansEmbedded() {
        InfraMode.Choice choice = InfraMode.choose(null, () -> {
            throw new IllegalStateException("no socket");
        });
        assertEquals(InfraMode.EMBEDDED, choice.mode());
        assertTrue(choice.reason().contains("no socket"), choice.reason());
    }

    @Test
    void anOverrideWinsWithoutAskingDocker() {
        AtomicBoolean asked = new AtomicBoolean();
        assertEquals(InfraMode.EMBEDDED, InfraMode.choose("embedded", () -> asked.getAndSet(true)).mode());
        assertEquals(InfraMode.CONTAINERS, InfraMode.choose(" Containers ", () -> asked.getAndSet(true)).mode());
        assertFalse(asked.get());
        assertTrue(InfraMode.choose("embedded", () -> true).reason().contains("forced"));
    }

    @Test
    void anUnknownOverrideIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> InfraMode.choose("docker", () -> true));
    }
}
