package fr.alize.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.contracts.EventType;
import fr.alize.contracts.Topic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contracts in docs/ hold together: every schema is listed in asyncapi.yaml (and every listed schema
 * exists), every example of a schema is valid against it, and the names the code publishes and consumes by
 * ({@code fr.alize.contracts}) are those the documents give.
 */
class DocumentedContractsTest {

    private static final Pattern SCHEMA_REF = Pattern.compile("\\$ref: '(events/[^']+\\.schema\\.json)'");

    private static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EventContracts.eventsFolder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
    }

    @Test
    void asyncApiListsEverySchemaAndOnlyExistingOnes() throws IOException {
        Path docs = EventContracts.eventsFolder().getParent();
        String asyncApi = Files.readString(docs.resolve("asyncapi.yaml"));
        Matcher refs = SCHEMA_REF.matcher(asyncApi);
        Set<String> referenced = new java.util.TreeSet<>();
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        Set<String> present = schemaFiles().stream()
                .map(f -> docs.relativize(f).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(referenced).as("schemas referenced by asyncapi.yaml").isEqualTo(present);
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() throws IOException {
        List<Path> schemas = schemaFiles();
        assertThat(schemas).isNotEmpty();
        for (Path schema : schemas) {
            String type = schema.getFileName().toString().replace(".schema.json", "");
            List<String> examples = EventContracts.examples(type);
            assertThat(examples).as("examples of %s", type).isNotEmpty();
            for (String example : examples) {
                assertThat(EventContracts.validate(type, example)).as("%s example %s", type, example).isEmpty();
            }
            assertThat(new ObjectMapper().readTree(schema.toFile()).path("additionalProperties").asBoolean(true))
                    .as("%s forbids unknown members", type).isFalse();
        }
    }

    @Test
    void theContractsInCodeAreTheTopicsAndMessagesOfAsyncApi() throws IOException {
        Map<String, Set<String>> documented = channels(Files.readString(EventContracts.eventsFolder().getParent()
                .resolve("asyncapi.yaml")));
        Map<String, Set<String>> inCode = new TreeMap<>();
        for (Topic topic : Topic.all()) {
            inCode.put(topic.address(), topic.events().stream().map(EventType::name)
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
        assertThat(inCode).isEqualTo(documented);
    }

    @Test
    void everyPublishedVersionHasItsSchema() throws IOException {
        Set<String> schemas = schemaFiles().stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        for (Topic topic : Topic.all()) {
            for (EventType type : topic.events()) {
                String file = type.name() + (type.version() == 1 ? "" : ".v" + type.version()) + ".schema.json";
                assertThat(schemas).as("schema of %s v%d on %s", type.name(), type.version(), topic.address())
                        .contains(file);
            }
        }
    }

    /** The channels of asyncapi.yaml: each address and the names of its messages. */
    static Map<String, Set<String>> channels(String asyncApi) {
        Map<String, Set<String>> channels = new TreeMap<>();
        String section = asyncApi.substring(asyncApi.indexOf("\nchannels:"), asyncApi.indexOf("\noperations:"));
        Set<String> messages = null;
        boolean inMessages = false;
        for (String line : section.split("\n")) {
            Matcher address = Pattern.compile("^    address: (\\S+)$").matcher(line);
            if (address.matches()) {
                messages = new java.util.TreeSet<>();
                channels.put(address.group(1), messages);
            } else if (line.startsWith("    ")) {
                inMessages = line.equals("    messages:") || inMessages && line.startsWith("      ");
                Matcher message = Pattern.compile("^      (\\w+):$").matcher(line);
                if (inMessages && message.matches()) {
                    messages.add(message.group(1));
                }
            }
        }
        return channels;
    }
}
