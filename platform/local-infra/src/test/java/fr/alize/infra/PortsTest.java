package fr.alize.infra;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

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
}
