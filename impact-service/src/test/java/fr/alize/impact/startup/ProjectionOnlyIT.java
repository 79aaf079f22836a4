package fr.alize.impact.startup;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * impact-service consumes and projects: it starts on its database (migrations, then ready) with nothing of Axon, no
 * event store and no relay in it.
 */
@QuarkusTest
class ProjectionOnlyIT {

    @Test
    void readyOnItsDatabaseWithNoRelay() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'startup' }.status", equalTo("UP"))
                .body("checks.name", not(hasItem("relay")));
    }

    @Test
    void axonIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.axonframework.config.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
