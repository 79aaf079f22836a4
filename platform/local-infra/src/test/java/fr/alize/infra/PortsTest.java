package fr.alize.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void aListeningPortIsNotFreeAndItsHolderIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            assertFalse(Ports.isFree(port));
            String holder = Ports.describeHolder(port).orElseThrow();
            assertTrue(holder.startsWith("pid " + ProcessHandle.current().pid() + " ("), holder);
        }
        assertTrue(Ports.isFree(port));
    }

    /**
     * A port chosen for a server that binds it later must not be one the kernel may give an outgoing connection
     * meanwhile: a service once failed to start with "address in use" because a Kafka client starting beside it
     * had been given its port.
     */
    @Test
    void aChosenPortIsFreeAndBelowTheKernelsEphemeralRange() {
        OptionalInt low = Ports.ephemeralLow(Ports.EPHEMERAL_RANGE);
        for (int i = 0; i < 20; i++) {
            int port = Ports.freePort();
            assertTrue(Ports.isFree(port), "port " + port);
            if (low.isPresent()) {
                assertTrue(port < low.getAsInt(), "port " + port + " is in the ephemeral range from " + low.getAsInt());
            }
        }
    }

    @Test
    void theEphemeralRangeIsReadAsTheKernelWritesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ip_local_port_range");
        Files.writeString(file, "32768\t60999\n");
        assertEquals(OptionalInt.of(32768), Ports.ephemeralLow(file));
        Files.writeString(file, "garbage");
        assertEquals(OptionalInt.empty(), Ports.ephemeralLow(file));
        assertEquals(OptionalInt.empty(), Ports.ephemeralLow(dir.resolve("missing")));
    }
}
