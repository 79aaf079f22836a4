package fr.alize.matching.pool;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.ParkedRecordsApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.alize.matching.PoolFeed.NEEDS;
import static fr.alize.matching.PoolFeed.event;
import static fr.alize.matching.PoolFeed.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the pool can never take are parked and the pool goes on: each poison is produced straight onto the needs
 * topic, as a foreign or buggy producer would, then a valid need with the same key (same partition) right after it.
 */
@QuarkusTest
class PoisonRecordsIT {

    private final String skill = PoolFeed.uniqueSkill();

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    private String published(String need, Map<String, Object> fields) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("needId", need, "smeId", uuid(),
                "skills", List.of(Map.of("skillId", skill, "level", 3)), "communeCode", "59606",
                "windowStart", "2027-02-01", "windowEnd", "2027-03-31"));
        all.putAll(fields);
        return event("NeedPublished", all);
    }

    /** The poison with key {@code need}, then the need published validly under the same key: it is ranked. */
    private JsonPath parkedBeforeValidNeed(String need, String poison, String eventId) {
        ParkedRecordsApi.produce(NEEDS, need, poison, ParkedRecordsApi.headers("NeedPublished", eventId, need));
        PoolFeed.send(NEEDS, "NeedPublished", need, 0, published(need, Map.of()));
        CandidatePoolIT.awaitCandidates(need, json -> need.equals(json.getString("needId")));
        return ParkedRecordsApi.awaitParked(PoolConsumers.NEEDS, need);
    }

    @Test
    void aWindowThatIsNotADateIsParkedAndAppliedOnceWhenReplayedCorrected() {
        String need = uuid();
        String poison = published(need, Map.of()).replace("2027-02-01", "1st of February");
        JsonPath parked = parkedBeforeValidNeed(need, poison, uuid());
        assertThat(parked.getString("reason")).contains("1st of February");

        String other = uuid();
        ParkedRecordsApi.assertReplayApplies(parked.getLong("id"),
                published(other, Map.of()));
        CandidatePoolIT.awaitCandidates(other, json -> other.equals(json.getString("needId")));
    }

    @Test
    void aDescriptionTheDatabaseRefusesAndAValueThatIsNotJsonAreParked() {
        String need = uuid();
        JsonPath nul = parkedBeforeValidNeed(need, published(need, Map.of()).replace("\"needId\":\"" + need + "\"",
                "\"needId\":\"" + need + "\\u0000\""), uuid());
        assertThat(nul.getString("reason")).containsAnyOf("0x00", "Zero bytes");

        String second = uuid();
        JsonPath notJson = parkedBeforeValidNeed(second, "{\"needId\": \"" + second, uuid());
        assertThat(notJson.getString("reason")).contains("not JSON");
        ParkedRecordsApi.assertReplayStillParked(notJson.getLong("id"));
    }

    @Test
    void anEventIdTooLongIsParked() {
        String need = uuid();
        JsonPath parked = parkedBeforeValidNeed(need, published(need, Map.of()), ParkedRecordsApi.TOO_LONG_ID);
        assertThat(parked.getString("reason")).contains("too long");
    }
}
