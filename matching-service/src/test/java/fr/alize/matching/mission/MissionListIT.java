package fr.alize.matching.mission;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.Tokens;
import fr.alize.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static fr.alize.matching.PoolFeed.uuid;
import static fr.alize.matching.mission.MissionAccessIT.problem;
import static fr.alize.matching.mission.MissionFixture.get;
import static fr.alize.matching.mission.MissionFixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** GET /missions: each role lists only its part, with filters and stable paging, and at once after each change. */
@QuarkusTest
class MissionListIT {

    @Inject
    Jdbc jdbc;
    @Inject
    AgroalDataSource dataSource;

    private static MissionFixture a;
    private static MissionFixture b;
    private static String first;
    private static String second;
    private static String other;
    private static String secondVolunteer;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    /** Once (rest-assured knows the port only once Quarkus runs, after {@code @BeforeAll}). */
    @BeforeEach
    void twoNeedsThreeMissions() {
        if (a != null) {
            return;
        }
        a = MissionFixture.inPool();
        first = a.propose();
        secondVolunteer = uuid();
        PoolFeed.volunteerRegistered(secondVolunteer, a.partnerId(), a.skill(), 2, "59350");
        MissionFixture.awaitRanked(a.needId(), secondVolunteer);
        second = a.with(secondVolunteer).propose();
        b = MissionFixture.inPool();
        other = b.propose();
    }

    @Test
    void theCciSeesEveryMissionFilteredAndPagedInTheOrderOfProposal() {
        get(Tokens.cci(), "/missions?needId=" + a.needId()).statusCode(200)
                .body("items.missionId", contains(first, second)).body("total", equalTo(2))
                .body("items[0].state", equalTo("PROPOSED")).body("items[0].smeId", equalTo(a.smeId()))
                .body("items[0].partnerId", equalTo(a.partnerId())).body("items[0].proposedBy", equalTo("CCI"));
        get(Tokens.cci(), "/missions?needId=" + a.needId() + "&size=1&page=1").statusCode(200)
                .body("items.missionId", contains(second)).body("total", equalTo(2)).body("page", equalTo(1))
                .body("size", equalTo(1));
        get(Tokens.cci(), "/missions?volunteerId=" + b.volunteerId()).statusCode(200).body("items.missionId", contains(other));
        get(Tokens.cci(), "/missions?smeId=" + b.smeId() + "&needId=" + a.needId()).statusCode(200).body("items", empty());
        get(Tokens.cci(), "/missions?partnerId=" + a.partnerId()).statusCode(200).body("items.missionId", contains(first, second));
    }

    @Test
    void theListFollowsEachChangeAtOnce() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        get(f.volunteer(), "/missions").statusCode(200).body("items.missionId", contains(missionId))
                .body("items[0].acceptedBy", empty());
        post(f.volunteer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        get(f.sme(), "/missions").statusCode(200).body("items[0].acceptedBy", contains("VOLUNTEER"));
        post(f.employer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        post(f.sme(), "/missions/" + missionId + "/acceptance", "{\"startDate\": \"2027-02-01\"}").statusCode(200);
        get(f.employer(), "/missions?status=started").statusCode(200).body("items.missionId", contains(missionId))
                .body("items[0].startDate", equalTo("2027-02-01"))
                .body("items[0].acceptedBy", contains("SME", "VOLUNTEER", "EMPLOYER"));
        get(f.employer(), "/missions?status=PROPOSED").statusCode(200).body("items", empty());
        post(Tokens.cci(), "/missions/" + missionId + "/cancellation", "{\"reason\": \"The SME closed\"}").statusCode(200);
        get(Tokens.cci(), "/missions?needId=" + f.needId() + "&status=CANCELLED").statusCode(200)
                .body("items.missionId", contains(missionId));
    }

    @Test
    void eachPartySeesOnlyTheMissionsItIsAPartyTo() {
        get(a.sme(), "/missions").statusCode(200).body("items.missionId", contains(first, second)).body("total", equalTo(2));
        get(b.sme(), "/missions").statusCode(200).body("items.missionId", contains(other));
        get(a.volunteer(), "/missions").statusCode(200).body("items.missionId", contains(first));
        get(Tokens.volunteer(secondVolunteer), "/missions").statusCode(200).body("items.missionId", contains(second));
        get(a.employer(), "/missions").statusCode(200).body("items.missionId", contains(first, second));
        get(b.employer(), "/missions").statusCode(200).body("items.missionId", contains(other));
        // a party naming someone else in a filter gets nothing, not someone else's missions
        get(a.volunteer(), "/missions?volunteerId=" + secondVolunteer).statusCode(200).body("items", empty())
                .body("total", equalTo(0));
        get(a.sme(), "/missions?smeId=" + b.smeId()).statusCode(200).body("items", empty());
        get(a.employer(), "/missions?needId=" + b.needId()).statusCode(200).body("items", empty());
        get(Tokens.sme(uuid()), "/missions").statusCode(200).body("items", empty());
    }

    /**
     * Migration V4 folds missions that the list lacks from their events: its SQL, run again here on a database where
     * the list lost two missions whose events are named as they were when V4 ran (by Java class), writes exactly the
     * rows the live projection had written, and nothing on a second run.
     */
    @Test
    void theMigrationFoldsMissionsTheListLacksFromTheEventStore() throws Exception {
        MissionFixture f = MissionFixture.inPool();
        String proposed = f.propose();
        post(f.volunteer(), "/missions/" + proposed + "/acceptance", null).statusCode(200);
        MissionFixture g = MissionFixture.inPool();
        String started = g.started("2027-02-01");
        List<Map<String, Object>> live = rows(proposed, started);
        assertThat(live).hasSize(2);
        jdbc.update("DELETE FROM mission_list WHERE mission_id IN (?, ?)", proposed, started); // as if older than V2
        // and stored as such a database stored events then: by Java class, with no revision (V4 reads that naming)
        jdbc.update("UPDATE domain_event_entry SET payload_type = 'fr.alize.matching.mission.MissionEvents$' || payload_type,"
                + " payload_revision = NULL WHERE aggregate_identifier IN (?, ?)", proposed, started);
        get(f.sme(), "/missions").statusCode(200).body("items", empty());

        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/V4__fold_older_missions_into_the_list.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            assertThat(statement.executeUpdate(migration)).isEqualTo(2);
            assertThat(statement.executeUpdate(migration)).isZero();
        }
        assertThat(rows(proposed, started)).isEqualTo(live);
        get(f.sme(), "/missions").statusCode(200).body("items.missionId", contains(proposed))
                .body("items[0].state", equalTo("PROPOSED")).body("items[0].acceptedBy", contains("VOLUNTEER"));
        get(g.sme(), "/missions").statusCode(200).body("items.missionId", contains(started))
                .body("items[0].state", equalTo("STARTED")).body("items[0].startDate", equalTo("2027-02-01"));
        // the missions still load from those rows: the next party's acceptance is taken
        post(f.sme(), "/missions/" + proposed + "/acceptance", null).statusCode(200);
    }

    /**
     * The list's rows of these missions, every column but the position (which a new row cannot keep), times to the
     * millisecond (the precision of the event store's time stamps).
     */
    private List<Map<String, Object>> rows(String... missionIds) {
        return jdbc.list("SELECT * FROM mission_list WHERE mission_id IN (?, ?) ORDER BY mission_id", row -> {
            Map<String, Object> columns = new TreeMap<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                String name = row.getMetaData().getColumnName(i);
                if (!name.equals("position")) {
                    Object value = row.getObject(i);
                    columns.put(name, value instanceof java.sql.Timestamp t ? t.toInstant().truncatedTo(ChronoUnit.MILLIS) : value);
                }
            }
            return columns;
        }, (Object[]) missionIds);
    }

    @Test
    void othersAndBadQueriesAreRefused() {
        problem(get(Tokens.analyst(), "/missions"), 403);
        problem(get(null, "/missions"), 401);
        problem(get(Tokens.cci(), "/missions?status=ONGOING"), 400).body("errors.field", hasItem("status"));
        problem(get(Tokens.cci(), "/missions?needId=not-a-uuid"), 400).body("errors.field", hasItem("needId"));
        problem(get(Tokens.cci(), "/missions?size=0"), 400).body("errors.field", hasItem("size"));
        problem(get(Tokens.cci(), "/missions?page=-1"), 400).body("errors.field", hasItem("page"));
        for (String token : List.of(Tokens.cci(), a.sme())) {
            get(token, "/missions?size=101").statusCode(400);
        }
    }
}
