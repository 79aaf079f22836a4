package fr.alize.platform.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicsTest {

    @Test
    void anEventLogIsKeptForeverWithoutUncleanElectionAndWithTheGivenInSyncReplicas() {
        NewTopic cluster = Topics.eventLog("alize.needs", 3, (short) 3, Optional.of(2));
        assertEquals(3, cluster.replicationFactor());
        assertEquals(Map.of("retention.ms", "-1", "retention.bytes", "-1", "unclean.leader.election.enable", "false",
                "min.insync.replicas", "2"), cluster.configs());
        NewTopic single = Topics.eventLog("alize.needs", 3, (short) 1, Optional.empty());
        assertEquals(Map.of("retention.ms", "-1", "retention.bytes", "-1", "unclean.leader.election.enable", "false"),
                single.configs(), "a single broker keeps its own min.insync.replicas (1)");
    }
}
