package fr.alize.platform;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * In the {@code prod} profile the database and the brokers come from the environment, with no default
 * (application.properties, docs/deployment.md). Left alone, Quarkus deactivates a datasource whose URL is missing and
 * the start fails later, naming a property: this check fails it first, naming every variable that is missing.
 */
@ApplicationScoped
@IfBuildProfile("prod")
class ProdEnvironment {

    /** Each setting, by the variable the prod profile reads it from. */
    static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("DB_JDBC_URL", "quarkus.datasource.jdbc.url");
        SETTINGS.put("DB_USERNAME", "quarkus.datasource.username");
        SETTINGS.put("DB_PASSWORD", "quarkus.datasource.password");
        SETTINGS.put("KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers");
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> missing = missing(ConfigProvider.getConfig());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot start: " + String.join(", ", missing)
                    + " not set (the prod profile reads the database and the brokers from the environment, with no default;"
                    + " see docs/deployment.md)");
        }
    }

    static List<String> missing(Config config) {
        return SETTINGS.entrySet().stream().filter(setting -> {
            try {
                return config.getOptionalValue(setting.getValue(), String.class).filter(v -> !v.isBlank()).isEmpty();
            } catch (NoSuchElementException unexpanded) {
                return true;
            }
        }).map(setting -> setting.getKey() + " (" + setting.getValue() + ")").toList();
    }
}
