package fr.alize.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contracts in docs/ hold together: every schema is listed in asyncapi.yaml (and every listed schema
 * exists), and every example of a schema is valid against it.
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
}
