package fr.alize.needs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.needs.skills.LatestSkillTaxonomy;
import fr.alize.needs.skills.SkillTaxonomy;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import io.quarkus.arc.Arc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The skill taxonomy as volunteer-service publishes it: {@code SkillTaxonomyPublished} records on the real
 * {@code alize.volunteers} topic, built from the documented example (skills {@code it-requirements},
 * {@code iso-9001}). Every version the tests produce holds those skills, plus any extra ids a test asks for.
 */
public final class SkillTaxonomyFeed {

    public static final String TOPIC = "alize.volunteers";
    public static final String TYPE = "SkillTaxonomyPublished";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean exampleSent;

    private SkillTaxonomyFeed() {
    }

    /** Before a test publishes needs with skills: the documented taxonomy is sent once, and the service holds one. */
    public static synchronized void ensureReceived() {
        if (!exampleSent) {
            KafkaTestTopics.createTopic(TOPIC, 3);
            produce(example().toString(), UUID.randomUUID().toString());
            exampleSent = true;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> held().isPresent());
    }

    /** The version the service checks needs against now, if any. */
    public static Optional<SkillTaxonomy> held() {
        return Arc.container().instance(LatestSkillTaxonomy.class).get().latest();
    }

    /** The version {@code steps} after the one held (the same year). */
    public static String versionAfterHeld(int steps) {
        String[] held = held().orElseThrow().version().split("\\.");
        return held[0] + "." + (Integer.parseInt(held[1]) + steps);
    }

    /** The documented example, as another version with extra skill ids. */
    public static String taxonomy(String version, String... extraIds) {
        ObjectNode data = example();
        data.put("version", version);
        ArrayNode skills = (ArrayNode) data.get("skills");
        for (String id : extraIds) {
            skills.addObject().put("id", id).put("labelFr", "Compétence " + id).put("labelEn", "Skill " + id).put("family", "TEST");
        }
        return data.toString();
    }

    /** Sends a taxonomy record as volunteer-service's relay would (key = version); it must meet the contract. */
    public static void produce(String value, String eventId) {
        assertThat(EventContracts.validate(TYPE, value)).as("a documented %s", TYPE).isEmpty();
        String version;
        try {
            version = JSON.readTree(value).get("version").asText();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        KafkaTestTopics.produce(TOPIC, version, value, Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_type", TYPE, "ce_source", "/alize/volunteer-service",
                "ce_subject", version, "ce_time", Instant.now().toString(), "content-type", "application/json",
                "ce_schemaversion", "1"));
    }

    /** Waits until the service holds this version. */
    public static void awaitHeld(String version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> held().map(SkillTaxonomy::version).filter(version::equals).isPresent());
    }

    private static ObjectNode example() {
        try {
            return (ObjectNode) JSON.readTree(EventContracts.examples(TYPE).get(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
