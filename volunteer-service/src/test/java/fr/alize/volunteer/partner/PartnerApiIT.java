package fr.alize.volunteer.partner;

import fr.alize.infra.AlizeRole;
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

import static fr.alize.platform.events.EventEnvelope.header;
import static fr.alize.volunteer.Api.as;
import static fr.alize.volunteer.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class PartnerApiIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCciEnrolsAPartnerWithItsPledgeAndBothEventsArePublished() {
        String partnerId = Api.enrolPartner();

        as(Tokens.cci()).when().get("/partners/" + partnerId).then().statusCode(200)
                .body("group", equalTo("Saint-Gobain"))
                .body("site", equalTo("Aniche"))
                .body("pledges[0].year", equalTo(2026))
                .body("pledges[0].pledgedDays", equalTo(120));
        as(Tokens.analyst()).when().get("/partners").then().statusCode(200).body("partnerId", hasItem(partnerId));

        List<ConsumerRecord<String, String>> records = Api.recordsOf(partnerId, 2);
        assertThat(Api.types(records)).containsExactly("PartnerEnrolled", "PartnerPledgeSet");
        assertThat(header(records.get(0), "ce_actorrole")).isEqualTo("cci");
        records.forEach(EventContracts::assertConforms);
    }

    @Test
    void aPledgeChangesPerYearAndTheSamePledgeAgainRecordsNothing() {
        String partnerId = Api.enrolPartner();
        long before = Api.events(dataSource);
        String pledge = "{\"pledgedDays\": 150, \"dailyRate\": 700.50}";
        as(Tokens.cci()).body(pledge).when().put("/partners/" + partnerId + "/pledges/2027").then().statusCode(204);
        as(Tokens.cci()).body(pledge).when().put("/partners/" + partnerId + "/pledges/2027").then().statusCode(204);
        assertThat(Api.events(dataSource)).isEqualTo(before + 1);

        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId).then().statusCode(200)
                .body("pledges.year", hasItems(2026, 2027))
                .body("pledges[1].dailyRate", equalTo(700.5f));
        EventContracts.assertConforms(Api.recordsOf(partnerId, 3).get(2));
    }

    @Test
    void badInputNamesEachField() {
        problem(as(Tokens.cci()).body("{\"name\": \"\", \"communeCode\": \"Valenciennes\", \"pledge\": {\"year\": 1999}}")
                .when().post("/partners").then(), 400)
                .body("errors.field", hasItems("name", "site", "communeCode", "pledge.year", "pledge.pledgedDays", "pledge.dailyRate"));
        String partnerId = Api.enrolPartner();
        problem(as(Tokens.cci()).body("{\"pledgedDays\": -1, \"dailyRate\": 600}")
                .when().put("/partners/" + partnerId + "/pledges/2026").then(), 400)
                .body("errors.field", hasItem("pledgedDays"));
        problem(as(Tokens.cci()).when().get("/partners/not-a-uuid").then(), 400).body("errors.field", hasItem("partnerId"));
    }

    @Test
    void theSameCompanyAndSiteCannotBeEnrolledTwice() {
        String body = "{\"name\": \"Toyota %s\", \"site\": \"Onnaing\", \"communeCode\": \"59447\"}".formatted(UUID.randomUUID());
        as(Tokens.cci()).body(body).when().post("/partners").then().statusCode(201);
        problem(as(Tokens.cci()).body(body.replace("Onnaing", "ONNAING")).when().post("/partners").then(), 409);
    }

    @Test
    void callersWithoutTheRightAreRefused() {
        String partnerId = Api.enrolPartner();
        problem(as(null).when().get("/partners/" + partnerId).then(), 401);
        problem(as(Tokens.builder().role(AlizeRole.CCI, null).expired().build()).when().get("/partners").then(), 401);
        problem(as(Tokens.partnerHr(partnerId)).body("{\"name\": \"x\", \"site\": \"y\", \"communeCode\": \"59000\"}")
                .when().post("/partners").then(), 403);
        problem(as(Tokens.partnerHr(UUID.randomUUID().toString())).when().get("/partners/" + partnerId).then(), 403);
        problem(as(Tokens.partnerHr(partnerId)).body("{\"pledgedDays\": 1, \"dailyRate\": 1}")
                .when().put("/partners/" + partnerId + "/pledges/2026").then(), 403);
        problem(as(Tokens.sme(UUID.randomUUID().toString())).when().get("/partners").then(), 403);
    }

    @Test
    void anUnknownPartnerIsA404ForTheCciAndA403ForAnotherPartner() {
        String unknown = UUID.randomUUID().toString();
        problem(as(Tokens.cci()).when().get("/partners/" + unknown).then(), 404);
        problem(as(Tokens.cci()).body("{\"pledgedDays\": 1, \"dailyRate\": 1}").when().put("/partners/" + unknown + "/pledges/2026").then(), 404);
        problem(as(Tokens.partnerHr(UUID.randomUUID().toString())).when().get("/partners/" + unknown).then(), 403);
    }
}
