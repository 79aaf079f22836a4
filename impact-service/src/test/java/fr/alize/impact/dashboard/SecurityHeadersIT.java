package fr.alize.impact.dashboard;

import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every answer forbids MIME sniffing and framing; pages may run only the service's own script files. */
@QuarkusTest
class SecurityHeadersIT {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void theDashboardPagesAndTheirFilesCarryThePolicy() {
        for (String path : new String[]{"/dashboard/", "/dashboard/index.html", "/dashboard/dashboard.js", "/dashboard/dashboard.css"}) {
            Response answer = given().when().get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.header("Content-Security-Policy")).as(path).isEqualTo(POLICY);
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void apiAnswersAndErrorsCarryItToo() {
        Response ok = given().auth().oauth2(Tokens.analyst()).when().get("/yearly");
        Response unauthorized = given().when().get("/yearly");
        Response missing = given().when().get("/no-such-page");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        for (Response answer : new Response[]{ok, unauthorized, missing}) {
            assertThat(answer.header("Content-Security-Policy")).isEqualTo(POLICY);
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void theDashboardHasNoInlineScriptOrStyle() {
        String html = given().when().get("/dashboard/index.html").then().statusCode(200).extract().asString();
        assertThat(html).containsPattern("<script src=\"[^\"]+\"></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|<style|style=\"|\\son[a-z]+=");
    }

    @Test
    void swaggerUiIsNeverFramed() {
        Response answer = given().redirects().follow(true).when().get("/q/swagger-ui/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
