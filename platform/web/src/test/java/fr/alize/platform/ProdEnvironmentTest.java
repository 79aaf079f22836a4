package fr.alize.platform;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProdEnvironmentTest {

    @Test
    void namesEveryVariableThatIsMissingOrEmpty() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withDefaultValues(Map.of(
                "quarkus.datasource.jdbc.url", "${DB_JDBC_URL}",
                "quarkus.datasource.username", "needs_service",
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", "kafka-0:9092")).build();
        assertEquals(List.of("DB_JDBC_URL (quarkus.datasource.jdbc.url)", "DB_PASSWORD (quarkus.datasource.password)"),
                ProdEnvironment.missing(config));
    }
}
