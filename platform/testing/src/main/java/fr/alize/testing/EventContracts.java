package fr.alize.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds producers and consumers to the event contracts written down once in {@code docs/events}: the record's
 * CloudEvents headers, and its value against the JSON Schema of its type ({@code docs/events/<topic>/<Type>.schema.json}).
 * The docs folder is found from the module's working directory (Surefire runs in the module folder).
 */
public final class EventContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final List<String> REQUIRED_HEADERS = List.of(
            "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type", "ce_schemaversion");

    private EventContracts() {
    }

    /** The docs/events folder of the repository. */
    public static Path eventsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }

    /** Asserts that a published record follows its contract: CloudEvents headers, key = subject, value valid. */
    public static void assertConforms(ConsumerRecord<String, String> record) {
        for (String name : REQUIRED_HEADERS) {
            assertThat(header(record, name)).as("header %s of %s", name, record).isNotBlank();
        }
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        if (header(record, "ce_subject") != null) {
            assertThat(record.key()).as("record key").isEqualTo(header(record, "ce_subject"));
        }
        Set<ValidationMessage> errors = validate(header(record, "ce_type"), record.value());
        assertThat(errors).as("%s against its JSON Schema", header(record, "ce_type")).isEmpty();
    }

    /** Validation errors of a JSON value against the schema of the event type (empty when valid). */
    public static Set<ValidationMessage> validate(String eventType, String json) {
        try {
            return schema(eventType).validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples of the event type's schema, for feeding consumers with documented records. */
    public static List<String> examples(String eventType) {
        try {
            JsonNode schema = MAPPER.readTree(schemaFile(eventType).toFile());
            List<String> examples = new ArrayList<>();
            schema.path("examples").forEach(example -> examples.add(example.toString()));
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String eventType) {
        return SCHEMAS.computeIfAbsent(eventType, type -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(schemaFile(type))) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Path schemaFile(String eventType) {
        try (Stream<Path> files = Files.walk(eventsFolder())) {
            return files.filter(f -> f.getFileName().toString().equals(eventType + ".schema.json"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no contract for event type " + eventType
                            + " in " + eventsFolder() + ": write " + eventType + ".schema.json first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
