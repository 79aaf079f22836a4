package fr.alize.needs.skills;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;

/**
 * When the taxonomy consumer is given its partitions while this database holds no taxonomy (a new or restored
 * database, with the consumer group's offsets already past volunteer-service's record), it reads them again from
 * the beginning. Reading again is harmless: each event id is applied once, and an older version changes nothing.
 */
@ApplicationScoped
@Identifier(ReplayWhileNoTaxonomyHeld.NAME)
public class ReplayWhileNoTaxonomyHeld implements KafkaConsumerRebalanceListener {

    static final String NAME = "skill-taxonomy-replay-while-none-held";
    private static final Logger LOG = Logger.getLogger(ReplayWhileNoTaxonomyHeld.class);

    @Inject
    LatestSkillTaxonomy taxonomy;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty() || held()) {
            return;
        }
        LOG.infof("No skill taxonomy held yet: reading %s from the beginning", partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Whether a taxonomy is held; when the database cannot say, reading again does no harm. */
    private boolean held() {
        try {
            return taxonomy.latest().isPresent();
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the skill taxonomy held (%s); reading the topic from the beginning", e.getMessage());
            return false;
        }
    }
}
