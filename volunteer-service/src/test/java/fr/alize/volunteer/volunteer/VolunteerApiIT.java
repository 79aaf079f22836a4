package fr.alize.volunteer.volunteer;

import fr.alize.testing.EventContracts;
import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.alize.volunteer.Api.as;
import static fr.alize.volunteer.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class VolunteerApiIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aVolunteerGoesThroughItsWholeLifeAndEveryEventFollowsItsContract() {
        String partnerId = Api.enrolPartner();
        String hr = Tokens.partnerHr(partnerId);
        String volunteerId = as(hr).body(Api.volunteer("E-100", "Claire Lenoir", "it-requirements", 3))
                .when().post("/partners/" + partnerId + "/volunteers")
                .then().statusCode(201).header("Location", matchesPattern(".*/volunteers/[0-9a-f-]{36}"))
                .extract().path("volunteerId");

        as(hr).when().get("/volunteers/" + volunteerId).then().statusCode(200)
                .body("employeeRef", equalTo("E-100"))
                .body("name", equalTo("Claire Lenoir"))
                .body("status", equalTo("ACTIVE"))
                .body("skills.skillId", hasItems("it-requirements", "management-project"));
        as(Tokens.volunteer(volunteerId)).when().get("/volunteers/" + volunteerId).then().statusCode(200);

        String updated = Api.volunteer("E-100", "Claire Lenoir", "it-erp", 4).replace("\"daysPerMonth\": 2", "\"daysPerMonth\": 3");
        as(hr).body(updated).when().put("/volunteers/" + volunteerId).then().statusCode(204);
        as(hr).body(updated).when().put("/volunteers/" + volunteerId).then().statusCode(204); // nothing new
        as(hr).when().post("/volunteers/" + volunteerId + "/pause").then().statusCode(204);
        as(Tokens.volunteer(volunteerId)).when().post("/volunteers/" + volunteerId + "/resume").then().statusCode(204);
        as(hr).body("{\"reason\": \"LEFT_COMPANY\"}").when().post("/volunteers/" + volunteerId + "/offboarding").then().statusCode(204);
        as(Tokens.cci()).when().delete("/volunteers/" + volunteerId + "/personal-data").then().statusCode(204);

        List<ConsumerRecord<String, String>> records = Api.recordsOf(volunteerId, 6);
        assertThat(Api.types(records)).containsExactly("VolunteerRegistered", "VolunteerUpdated", "VolunteerPaused",
                "VolunteerResumed", "VolunteerOffboarded", "VolunteerPersonalDataErased");
        records.forEach(EventContracts::assertConforms);
        assertThat(records.get(1).value()).contains("\"daysPerMonth\":3").contains("it-erp");
    }

    @Test
    void anOffboardedVolunteerCannotChangeAndAReferenceIsRegisteredOnce() {
        String partnerId = Api.enrolPartner();
        String hr = Tokens.partnerHr(partnerId);
        String body = Api.volunteer("E-200", "Marc Petit", "accounting-general", 2);
        String volunteerId = Api.register(partnerId, body);
        problem(as(hr).body(body).when().post("/partners/" + partnerId + "/volunteers").then(), 409);

        as(hr).body("{\"reason\": \"STOPPED_VOLUNTEERING\"}").when().post("/volunteers/" + volunteerId + "/offboarding").then().statusCode(204);
        long before = Api.events(dataSource);
        problem(as(hr).when().post("/volunteers/" + volunteerId + "/pause").then(), 409);
        problem(as(hr).when().post("/volunteers/" + volunteerId + "/resume").then(), 409);
        problem(as(hr).body(body.replace("\"maxTravelKm\": 40", "\"maxTravelKm\": 10")).when().put("/volunteers/" + volunteerId).then(), 409);
        assertThat(Api.events(dataSource)).isEqualTo(before);
        as(hr).when().get("/volunteers/" + volunteerId).then().body("name", equalTo("Marc Petit"));
    }

    @Test
    void anUnknownSkillIsA400ListingTheNearestValidIds() {
        String partnerId = Api.enrolPartner();
        problem(as(Tokens.partnerHr(partnerId)).body(Api.volunteer("E-300", "Anne Roy", "it-requirement", 5))
                .when().post("/partners/" + partnerId + "/volunteers").then(), 400)
                .body("errors.field", hasItems("skills[0].skillId", "skills[0].level"))
                .body("errors.find { it.field == 'skills[0].skillId' }.message", containsString("it-requirements"));
    }

    @Test
    void badInputNamesEachFieldAndNeverEchoesPersonalData() {
        String partnerId = Api.enrolPartner();
        String body = """
                {"name": "Jean Secret", "email": "not-an-email", "skills": [], "daysPerMonth": 40,
                 "absences": [{"from": "2026-08-10", "to": "2026-08-01"}], "communeCode": "Lille", "maxTravelKm": -1}""";
        problem(as(Tokens.partnerHr(partnerId)).body(body).when().post("/partners/" + partnerId + "/volunteers").then(), 400)
                .body("errors.field", hasItems("employeeRef", "email", "skills", "daysPerMonth", "absences[0].to", "communeCode", "maxTravelKm"))
                .body(not(containsString("Jean Secret")))
                .body(not(containsString("not-an-email")));
        problem(as(Tokens.cci()).when().get("/volunteers/nope").then(), 400).body("errors.field", hasItem("volunteerId"));
        problem(as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers?status=SLEEPING&level=2").then(), 400)
                .body("errors.field", hasItems("status", "level"));
        problem(as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers?skill=cooking").then(), 400)
                .body("errors[0].field", equalTo("skill"));
    }

    @Test
    void onlyTheCciAndTheVolunteersOwnPartnerMayActOnIt() {
        String partnerId = Api.enrolPartner();
        String volunteerId = Api.register(partnerId, Api.volunteer("E-400", "Luc Martin", "iso-9001", 3));
        String other = Tokens.partnerHr(UUID.randomUUID().toString());
        String unknown = UUID.randomUUID().toString();

        problem(as(null).when().get("/volunteers/" + volunteerId).then(), 401);
        problem(as(other).when().get("/volunteers/" + volunteerId).then(), 403);
        problem(as(other).when().get("/volunteers/" + unknown).then(), 403);
        problem(as(Tokens.cci()).when().get("/volunteers/" + unknown).then(), 404);
        problem(as(Tokens.volunteer(UUID.randomUUID().toString())).when().get("/volunteers/" + volunteerId).then(), 403);
        problem(as(Tokens.analyst()).when().get("/volunteers/" + volunteerId).then(), 403);
        problem(as(other).when().post("/volunteers/" + volunteerId + "/pause").then(), 403);
        problem(as(other).when().delete("/volunteers/" + volunteerId + "/personal-data").then(), 403);
        problem(as(Tokens.volunteer(volunteerId)).when().delete("/volunteers/" + volunteerId + "/personal-data").then(), 403);
        problem(as(other).body(Api.volunteer("E-401", "X Y", "iso-9001", 3)).when().post("/partners/" + partnerId + "/volunteers").then(), 403);
        problem(as(other).when().get("/partners/" + partnerId + "/volunteers").then(), 403);
        problem(as(Tokens.cci()).body(Api.volunteer("E-402", "X Y", "iso-9001", 3)).when().post("/partners/" + unknown + "/volunteers").then(), 404);
    }

    @Test
    void aPartnersVolunteersAreFilteredAndPaged() {
        String partnerId = Api.enrolPartner();
        String hr = Tokens.partnerHr(partnerId);
        Api.register(partnerId, Api.volunteer("A-1", "A One", "iso-9001", 4));
        Api.register(partnerId, Api.volunteer("A-2", "A Two", "iso-9001", 2));
        Api.register(partnerId, Api.volunteer("A-3", "A Three", "hr-recruitment", 3).replace("59606", "59350"));
        String paused = Api.register(partnerId, Api.volunteer("A-4", "A Four", "iso-9001", 3));
        as(hr).when().post("/volunteers/" + paused + "/pause").then().statusCode(204);
        Api.register(Api.enrolPartner(), Api.volunteer("A-1", "Other Partner", "iso-9001", 4));

        String list = "/partners/" + partnerId + "/volunteers";
        as(hr).when().get(list).then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(4));
        as(hr).when().get(list + "?skill=iso-9001&level=3").then().body("items.employeeRef", equalTo(List.of("A-1", "A-4")));
        as(hr).when().get(list + "?skill=iso-9001&level=3&status=active").then().body("items.employeeRef", equalTo(List.of("A-1")));
        as(hr).when().get(list + "?commune=59350").then().body("items.employeeRef", equalTo(List.of("A-3")));
        as(Tokens.cci()).when().get(list + "?size=2&page=1").then().body("total", equalTo(4))
                .body("page", equalTo(1)).body("items.employeeRef", equalTo(List.of("A-3", "A-4")));
        as(hr).when().get(list + "?status=PAUSED").then().body("items.status", everyItem(equalTo("PAUSED")));
    }
}
