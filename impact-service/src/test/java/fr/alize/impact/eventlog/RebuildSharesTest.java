package fr.alize.impact.eventlog;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildSharesTest {

    static TopicPartition p(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    @Test
    void everyPartitionGoesToExactlyOneStreamAndTheLoadIsBalanced() {
        Map<TopicPartition, Long> left = Map.of(p("missions", 0), 700L, p("missions", 1), 650L, p("needs", 0), 300L,
                p("needs", 1), 200L, p("volunteers", 0), 100L, p("volunteers", 1), 50L);

        List<List<TopicPartition>> shares = RebuildThreads.shares(left, 2);

        assertThat(shares).hasSize(2);
        assertThat(shares.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(left.keySet());
        long[] loads = shares.stream().mapToLong(share -> share.stream().mapToLong(left::get).sum()).toArray();
        assertThat(Math.abs(loads[0] - loads[1])).isLessThanOrEqualTo(100);
    }

    @Test
    void neverMoreStreamsThanPartitionsWithRecordsLeft() {
        Map<TopicPartition, Long> left = Map.of(p("needs", 0), 10L);

        assertThat(RebuildThreads.shares(left, 4)).containsExactly(List.of(p("needs", 0)));
        assertThat(RebuildThreads.shares(Map.of(), 4)).isEmpty();
    }
}
