package fr.alize.volunteer.skills;

import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.alize.platform.events.EventEnvelope.header;
import static fr.alize.volunteer.Api.as;
import static fr.alize.volunteer.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SkillTaxonomyApiIT {

    @Inject
    SkillTaxonomyPublisher publisher;
    @Inject
    SkillCatalogue catalogue;

    @Test
    void theShippedVersionIsPublishedOnceWhateverHowOftenTheServiceStarts() {
        assertThat(publisher.publishIfNeeded()).isTrue(); // as a restart would
        List<ConsumerRecord<String, String>> records = Api.recordsOf(catalogue.version(), 1);
        assertThat(KafkaTestTopics.readAll(Api.TOPIC).stream()
                .filter(r -> "SkillTaxonomyPublished".equals(header(r, "ce_type")))
                .map(r -> header(r, "ce_id")).distinct()).hasSize(1);
        EventContracts.assertConforms(records.get(0));
        assertThat(records.get(0).value()).contains("\"version\":\"2026.1\"").contains("Rédaction de cahier des charges");
    }

    @Test
    void everyRoleCanReadTheTaxonomy() {
        as(Tokens.sme("3f0b6a52-6f1e-4c38-9d2a-0d1c2b3a4e5f")).when().get("/skills").then().statusCode(200)
                .body("version", equalTo("2026.1"))
                .body("levels", hasSize(4))
                .body("skills.id", hasItem("iso-9001"))
                .body("skills.find { it.id == 'iso-9001' }.family", equalTo("QUALITY"));
        as(Tokens.analyst()).when().get("/skills/it-erp").then().statusCode(200).body("labelEn", equalTo("ERP implementation"));
        problem(as(Tokens.cci()).when().get("/skills/it-erpp").then(), 404).body("detail", containsString("it-erp"));
        problem(as(null).when().get("/skills").then(), 401);
    }
}
