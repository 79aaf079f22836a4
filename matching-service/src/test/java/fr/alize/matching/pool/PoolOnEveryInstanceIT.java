package fr.alize.matching.pool;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.alize.matching.PoolFeed.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory pool follows the pool tables, whoever wrote them: rows written from outside this instance (plain
 * JDBC, as another instance's consumer would, with its {@code pg_notify} in the same transaction) reach this
 * instance's rankings within seconds, and a lost listening connection ends in a full reload from the tables.
 */
@QuarkusTest
class PoolOnEveryInstanceIT {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CandidatePool pool;
    @Inject
    PoolReader reader;

    private final String skill = PoolFeed.uniqueSkill();

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    @Test
    void aNeedAndAVolunteerWrittenByAnotherInstanceAreRankedHereWithinSeconds() throws SQLException {
        String need = uuid();
        String volunteer = uuid();
        otherInstanceWrites(true, need, volunteer);

        JsonPath ranking = awaitRanking(need, volunteer);
        assertThat(ranking.getString("needStatus")).isEqualTo("OPEN");
        assertThat(ranking.getFloat("candidates[0].parts.skills")).isEqualTo(1.0f);
    }

    @Test
    void aLostListeningConnectionEndsInAFullReloadThatMatchesTheTables() throws SQLException {
        awaitListening();
        String need = uuid();
        String volunteer = uuid();
        // written without a notification: only a reload from the tables can bring these rows in
        otherInstanceWrites(false, need, volunteer);
        assertThat(pool.index().need(need)).isNull();

        try (Connection connection = dataSource.getConnection();
             PreparedStatement kill = connection.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, PoolChanges.APPLICATION_NAME);
            kill.execute();
        }

        awaitRanking(need, volunteer);
        awaitListening();
        CandidateIndex tables = reader.loadAll();
        assertThat(byId(pool.index().volunteers(), PoolVolunteer::volunteerId))
                .isEqualTo(byId(tables.volunteers(), PoolVolunteer::volunteerId));
        assertThat(byId(pool.index().needs(), PoolNeed::needId)).isEqualTo(byId(tables.needs(), PoolNeed::needId));
    }

    @Test
    void aRebuildAskedOfAnotherInstanceRewindsThisOneAndItsIndexFollows() throws SQLException {
        String need = uuid();
        String volunteer = uuid();
        PoolFeed.needPublished(need, uuid(), skill, "59606");
        PoolFeed.volunteerRegistered(volunteer, uuid(), skill, 3, "59606");
        awaitRanking(need, volunteer);

        // what PoolRebuild does on the other instance, in one transaction
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, "TRUNCATE " + String.join(", ", PoolRebuild.TABLES));
            execute(connection, "DELETE FROM processed_event WHERE consumer IN ('pool-needs', 'pool-volunteers', 'pool-missions')");
            execute(connection, "SELECT pg_notify('pool_changed', ?)", "rebuild:" + uuid());
            connection.commit();
        }

        // only a replay from offset 0 by this instance's consumers can bring the rows back
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.volunteer(volunteer) != null && reader.need(need) != null);
        awaitRanking(need, volunteer);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(byId(pool.index().volunteers(),
                PoolVolunteer::volunteerId)).isEqualTo(byId(reader.loadAll().volunteers(), PoolVolunteer::volunteerId)));
    }

    /** Inserts an open need and a volunteer who fits it, in one transaction, with or without their notifications. */
    private void otherInstanceWrites(boolean notify, String need, String volunteer) throws SQLException {
        String skills = "[{\"skillId\":\"" + skill + "\",\"level\":3}]";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, """
                    INSERT INTO pool_need (need_id, sme_id, skills, effort_days, window_start, window_end, commune_code,
                                           published, content_version, status, status_version)
                    VALUES (?, ?, ?, 5, DATE '2027-02-01', DATE '2027-03-31', '59606', TRUE, 0, 'OPEN', 0)""",
                    need, uuid(), skills);
            execute(connection, """
                    INSERT INTO pool_volunteer (volunteer_id, partner_id, skills, days_per_month, commune_code,
                                                registered, profile_version, status, status_version)
                    VALUES (?, ?, ?, 4, '59606', TRUE, 0, 'ACTIVE', 0)""", volunteer, uuid(), skills);
            if (notify) {
                execute(connection, "SELECT pg_notify('pool_changed', ?)", "need:" + need);
                execute(connection, "SELECT pg_notify('pool_changed', ?)", "volunteer:" + volunteer);
            }
            connection.commit();
        }
    }

    private static void execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static JsonPath awaitRanking(String need, String volunteer) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().auth().oauth2(Tokens.cci()).when().get("/needs/" + need + "/candidates");
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, json -> json != null && json.getList("candidates.volunteerId").equals(List.of(volunteer)));
    }

    private void awaitListening() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'LISTEN%'")) {
                statement.setString(1, PoolChanges.APPLICATION_NAME);
                var rs = statement.executeQuery();
                return rs.next() && rs.getInt(1) == 1;
            }
        });
    }

    private static <T> Map<String, T> byId(java.util.Collection<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, v -> v));
    }
}
