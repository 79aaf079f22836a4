package fr.alize.needs.skills;

import fr.alize.contracts.VolunteersTopic;
import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import fr.alize.platform.events.RecordRejectedException;
import fr.alize.platform.events.Replayable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the latest skill taxonomy that volunteer-service published ({@code SkillTaxonomyPublished} on
 * {@code alize.volunteers}); the other events of that topic are passed over without touching the database. Each
 * event id is applied once. A version older than (or equal to) the one held changes nothing, so a late record
 * never replaces a newer version. A taxonomy record that breaks the contract (no {@code YYYY.N} version, no skill)
 * is parked: it can never become valid by retrying.
 */
@ApplicationScoped
public class SkillTaxonomyConsumer implements Replayable {

    static final String CONSUMER = "needs-skill-taxonomy";
    static final String TYPE = VolunteersTopic.SKILL_TAXONOMY_PUBLISHED;
    private static final Logger LOG = Logger.getLogger(SkillTaxonomyConsumer.class);

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    SkillTaxonomyTable table;

    @Incoming("skill-taxonomy")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        replay(CONSUMER, record);
    }

    @Override
    public Set<String> consumers() {
        return Set.of(CONSUMER);
    }

    @Override
    public IdempotentConsumer.Outcome replay(String consumer, ConsumerRecord<String, String> record) {
        return idempotent.apply(CONSUMER, record, Set.of(TYPE), this::apply);
    }

    private void apply(EventEnvelope event) {
        String version = event.data().path("version").asText("");
        Optional<TaxonomyVersion> order = TaxonomyVersion.parse(version);
        List<String> ids = skillIds(event.data().path("skills"));
        if (order.isEmpty() || ids.isEmpty()) {
            throw new RecordRejectedException("a version YYYY.N and at least one skill id are required (version '%s', %d ids)"
                    .formatted(version, ids.size()));
        }
        if (table.keepIfNewer(version, order.get(), ids, event.data().path("skills").toString(), event.id())) {
            LOG.infof("Skill taxonomy %s received (%d skills): needs are now checked against it", version, ids.size());
        } else {
            LOG.infof("%s ignored skill taxonomy %s (event %s): a version at least as new is held", CONSUMER, version, event.id());
        }
    }

    private static List<String> skillIds(JsonNode skills) {
        List<String> ids = new ArrayList<>();
        for (JsonNode skill : skills) {
            String id = skill.path("id").asText("");
            if (!id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
