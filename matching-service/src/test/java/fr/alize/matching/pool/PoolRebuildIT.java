package fr.alize.matching.pool;

import fr.alize.matching.PoolFeed;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.alize.matching.PoolFeed.MISSIONS;
import static fr.alize.matching.PoolFeed.NEEDS;
import static fr.alize.matching.PoolFeed.VOLUNTEERS;
import static fr.alize.matching.PoolFeed.event;
import static fr.alize.matching.PoolFeed.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the pool from offset 0 (POST /admin/pool/rebuild) empties it, replays the three topics, and ends with
 * the same rankings as before, from real records that include duplicates, out-of-order versions, a refusal, a
 * running mission with a corrected time entry, a pause and a pledge.
 */
@QuarkusTest
class PoolRebuildIT {

    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    private final String skill = PoolFeed.uniqueSkill();
    private final List<String> eventIds = new ArrayList<>();

    private void send(String topic, String type, String key, long version, Map<String, Object> fields) {
        eventIds.add(PoolFeed.send(topic, type, key, version, event(type, fields)));
    }

    /** The same record twice: same event id. */
    private void sendTwice(String topic, String type, String key, long version, Map<String, Object> fields) {
        String value = event(type, fields);
        String id = PoolFeed.send(topic, type, key, version, value);
        PoolFeed.send(topic, type, key, version, value, id);
        eventIds.add(id);
    }

    private Map<String, Object> volunteer(String volunteerId, String partnerId, int level, String commune) {
        return Map.of("volunteerId", volunteerId, "partnerId", partnerId, "communeCode", commune,
                "skills", List.of(Map.of("skillId", skill, "level", level)), "daysPerMonth", 4);
    }

    private static Map<String, Object> mission(String missionId, String needId, String smeId, String volunteerId,
                                               String partnerId, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(Map.of("missionId", missionId, "needId", needId, "smeId", smeId,
                "volunteerId", volunteerId, "partnerId", partnerId));
        fields.putAll(more);
        return fields;
    }

    private static String ranking(String needId) {
        return given().auth().oauth2(Tokens.cci()).queryParam("exclusions", true).queryParam("limit", 100)
                .when().get("/needs/" + needId + "/candidates").then().extract().asString();
    }

    private long processed() {
        return jdbc.count("SELECT count(*) FROM processed_event WHERE consumer LIKE 'pool-%' AND event_id = ANY (?)", eventIds);
    }

    @Test
    void aRebuildFromOffsetZeroEndsWithTheSameRankings() {
        String needA = uuid();
        String needB = uuid();
        String sme = uuid();
        String partner = uuid();
        String otherPartner = uuid();
        String registeredTwice = uuid();
        String updatedFirst = uuid();
        String paused = uuid();
        String declined = uuid();
        String elsewhere = uuid();

        sendTwice(NEEDS, "NeedPublished", needA, 0, Map.of("needId", needA, "smeId", sme, "communeCode", "59606",
                "skills", List.of(Map.of("skillId", skill, "level", 3)), "windowStart", "2027-02-01", "windowEnd", "2027-04-30"));
        send(NEEDS, "NeedPublished", needB, 0, Map.of("needId", needB, "smeId", sme, "communeCode", "62041",
                "skills", List.of(Map.of("skillId", skill, "level", 2)), "windowStart", "2027-03-01", "windowEnd", "2027-03-31"));
        send(NEEDS, "NeedAmended", needB, 1, Map.of("needId", needB, "smeId", sme, "communeCode", "62041", "effortDays", 6,
                "skills", List.of(Map.of("skillId", skill, "level", 2)), "windowStart", "2027-03-01", "windowEnd", "2027-03-31"));
        sendTwice(VOLUNTEERS, "PartnerPledgeSet", partner, 0, Map.of("partnerId", partner, "year", 2027, "pledgedDays", 10));
        sendTwice(VOLUNTEERS, "VolunteerRegistered", registeredTwice, 0, volunteer(registeredTwice, partner, 3, "59606"));
        // a second record with the same content but another event id: applied, and harmless
        send(VOLUNTEERS, "VolunteerRegistered", registeredTwice, 0, volunteer(registeredTwice, partner, 3, "59606"));
        send(VOLUNTEERS, "VolunteerUpdated", updatedFirst, 1, volunteer(updatedFirst, partner, 4, "59014"));
        send(VOLUNTEERS, "VolunteerRegistered", updatedFirst, 0, volunteer(updatedFirst, partner, 1, "62041"));
        send(VOLUNTEERS, "VolunteerRegistered", paused, 0, volunteer(paused, otherPartner, 3, "59606"));
        send(VOLUNTEERS, "VolunteerPaused", paused, 1, Map.of("volunteerId", paused, "partnerId", otherPartner));
        send(VOLUNTEERS, "VolunteerRegistered", declined, 0, volunteer(declined, otherPartner, 2, "80021"));
        send(VOLUNTEERS, "VolunteerRegistered", elsewhere, 0, volunteer(elsewhere, otherPartner, 2, "02691"));
        String refusal = uuid();
        send(MISSIONS, "MissionProposed", refusal, 0, mission(refusal, needA, sme, declined, otherPartner, Map.of()));
        sendTwice(MISSIONS, "MissionDeclined", refusal, 1, mission(refusal, needA, sme, declined, otherPartner,
                Map.of("party", "VOLUNTEER")));
        String running = uuid();
        String entry = uuid();
        send(MISSIONS, "MissionProposed", running, 0, mission(running, needB, sme, registeredTwice, partner, Map.of()));
        send(MISSIONS, "MissionStarted", running, 1, mission(running, needB, sme, registeredTwice, partner,
                Map.of("startDate", "2027-01-20")));
        sendTwice(MISSIONS, "TimeLogged", running, 2, mission(running, needB, sme, registeredTwice, partner,
                Map.of("entryId", entry, "date", "2027-01-21", "hours", 7)));
        send(MISSIONS, "TimeLogged", running, 3, mission(running, needB, sme, registeredTwice, partner,
                Map.of("entryId", uuid(), "date", "2027-01-21", "hours", 3.5, "correctsEntryId", entry)));

        // everything applied: every distinct event has its dedupe row, and the rankings show each effect
        int distinct = eventIds.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed() == distinct);
        JsonPath a = new JsonPath(ranking(needA));
        assertThat(a.getList("candidates.volunteerId")).contains(registeredTwice, updatedFirst, elsewhere);
        assertThat(a.getFloat("candidates.find { it.volunteerId == '" + registeredTwice + "' }.parts.load")).isEqualTo(0.5f);
        assertThat(a.getFloat("candidates.find { it.volunteerId == '" + updatedFirst + "' }.parts.skills")).isEqualTo(1.0f);
        assertThat(a.getString("exclusions.find { it.volunteerId == '" + declined + "' }.reason")).isEqualTo("DECLINED_THIS_NEED");
        assertThat(a.getString("exclusions.find { it.volunteerId == '" + paused + "' }.reason")).isEqualTo("PAUSED");
        String beforeA = ranking(needA);
        String beforeB = ranking(needB);
        assertThat(new JsonPath(beforeB).getList("candidates.volunteerId")).doesNotContain(registeredTwice);

        JsonPath started = given().auth().oauth2(Tokens.cci()).when().post("/admin/pool/rebuild")
                .then().statusCode(202).extract().jsonPath();
        assertThat(started.getLong("processedEventsForgotten")).isGreaterThanOrEqualTo(distinct);
        assertThat(started.getLong("rowsDeleted.pool_volunteer")).isGreaterThanOrEqualTo(5);
        assertThat(started.getLong("rowsDeleted.pool_time_entry")).isGreaterThanOrEqualTo(2);
        assertThat(started.getLong("recordsToReplay.pool-volunteers")).isGreaterThanOrEqualTo(10);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> processed() == distinct && ranking(needA).equals(beforeA) && ranking(needB).equals(beforeB));
    }

    @Test
    void onlyTheCciRebuilds() {
        given().when().post("/admin/pool/rebuild").then().statusCode(401);
        for (String token : List.of(Tokens.sme(uuid()), Tokens.volunteer(uuid()), Tokens.partnerHr(uuid()), Tokens.analyst())) {
            given().auth().oauth2(token).when().post("/admin/pool/rebuild").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
