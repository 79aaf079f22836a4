package fr.alize.needs.need;

import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The event store names events by their published name and schema version, not by Java class, and still replays the
 * rows written before it did so (the Java class name and no revision), even once that class has moved.
 */
@QuarkusTest
class StoredEventNamesIT {

    /** Where NeedPublished would have lived had the class moved since: no class of that name exists today. */
    static final String FORMER_CLASS = "fr.alize.needs.model.NeedEvents$NeedPublished";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    @Test
    void aNewEventIsStoredUnderItsPublishedNameAndVersion() {
        String needId = NeedPublicationIT.publish(Tokens.sme(Smes.approved()), null);
        assertThat(storedTypes(needId)).containsExactly("NeedPublished v1");
    }

    @Test
    void aVersionOneEventStoredUnderAFormerJavaClassStillReplays() throws SQLException {
        String sme = Smes.approved();
        String token = Tokens.sme(sme);
        String needId = NeedPublicationIT.publish(token, null);
        // the row as the store wrote it before the catalog, by a class that has since moved
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE domain_event_entry SET payload_type = ?, payload_revision = NULL WHERE aggregate_identifier = ?")) {
            update.setString(1, FORMER_CLASS);
            update.setString(2, needId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(storedTypes(needId)).containsExactly(FORMER_CLASS + " v-");

        // withdrawing loads the need from its events: only a need whose NeedPublished was read can be withdrawn
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\": \"Found someone\"}")
                .when().post("/needs/" + needId + "/withdrawal").then().statusCode(204);
        given().auth().oauth2(token).when().get("/needs/" + needId).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        assertThat(storedTypes(needId)).containsExactly(FORMER_CLASS + " v-", "NeedWithdrawn v1");
        assertThat(header(NeedsTopic.recordsOf(needId, 2).get(1), "ce_type")).isEqualTo("NeedWithdrawn");
    }

    private List<String> storedTypes(String aggregateId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT payload_type, payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String revision = rows.getString(2);
                    types.add(rows.getString(1) + " v" + (revision == null ? "-" : revision));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
