package fr.alize.needs.skills;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A database without a taxonomy reads the topic again from the start; one that holds a taxonomy carries on. */
class ReplayWhileNoTaxonomyHeldTest {

    private static final TopicPartition PARTITION = new TopicPartition("alize.volunteers", 0);

    private static long positionAfterAssignment(LatestSkillTaxonomy taxonomy) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.seek(PARTITION, 42); // the group's committed offset, past volunteer-service's record
        ReplayWhileNoTaxonomyHeld listener = new ReplayWhileNoTaxonomyHeld();
        listener.taxonomy = taxonomy;
        listener.onPartitionsAssigned(consumer, List.of(PARTITION));
        return consumer.position(PARTITION);
    }

    @Test
    void withoutATaxonomyTheConsumerStartsAgainFromTheBeginning() {
        assertThat(positionAfterAssignment(Optional::empty)).isZero();
    }

    @Test
    void whenTheDatabaseCannotSayItReadsAgainToo() {
        assertThat(positionAfterAssignment(() -> {
            throw new IllegalStateException("database away");
        })).isZero();
    }

    @Test
    void withATaxonomyHeldTheConsumerCarriesOn() {
        assertThat(positionAfterAssignment(() -> Optional.of(new SkillTaxonomy("2026.1", Set.of("iso-9001"))))).isEqualTo(42);
    }
}
