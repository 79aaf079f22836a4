package fr.alize.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.LogManager;

/** What the launcher tells the person who started it. */
final class Console {

    private Console() {
    }

    static void say(String format, Object... args) {
        System.out.println("[alize-local] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static void error(String message) {
        System.err.println("[alize-local] " + message);
        System.err.flush();
    }

    /** One-line log records; the Kafka admin client's connection retries and zonky's chatter are hidden. */
    static void configureLogging() {
        String config = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=INFO",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=[alize-local] %4$s %5$s%6$s%n",
                "org.apache.kafka.level=SEVERE",
                "io.zonky.level=WARNING",
                "fr.alize.infra.level=WARNING",
                "");
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // default logging then
        }
    }
}
