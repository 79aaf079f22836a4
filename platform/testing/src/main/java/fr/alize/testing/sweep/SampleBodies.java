package fr.alize.testing.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Plausible values for a JSON schema: the schema's example when it has one, else the first enum value, a UUID for
 * {@code format: uuid}, today for dates, the minimum for numbers, every property for objects. Fields that name a
 * tenant ({@code smeId}, {@code partnerId}, {@code volunteerId}) take the caller's tenant.
 */
final class SampleBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleBodies() {
    }

    static JsonNode sample(JsonNode schema, Map<String, String> tenant) {
        return sample(schema, tenant, null, 0);
    }

    private static JsonNode sample(JsonNode schema, Map<String, String> tenant, String name, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return MAPPER.nullNode();
        }
        if (name != null && tenant.containsKey(name)) {
            return MAPPER.getNodeFactory().textNode(tenant.get(name));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        for (String combiner : new String[]{"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combiner) && !schema.get(combiner).isEmpty()) {
                return sample(firstNonNull(schema.get(combiner)), tenant, name, depth + 1);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        return switch (type(schema)) {
            case "string" -> MAPPER.getNodeFactory().textNode(string(schema));
            case "integer" -> MAPPER.getNodeFactory().numberNode(schema.path("minimum").asLong(1));
            case "number" -> MAPPER.getNodeFactory().numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            case "boolean" -> MAPPER.getNodeFactory().booleanNode(true);
            case "array" -> {
                ArrayNode array = MAPPER.createArrayNode();
                array.add(sample(schema.path("items"), tenant, null, depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = MAPPER.createObjectNode();
                schema.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), sample(p.getValue(), tenant, p.getKey(), depth + 1)));
                yield object;
            }
        };
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "object";
    }

    static JsonNode firstNonNull(JsonNode alternatives) {
        for (JsonNode alternative : alternatives) {
            if (!"null".equals(alternative.path("type").asText())) {
                return alternative;
            }
        }
        return alternatives.get(0);
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> LocalDate.now().toString();
            case "date-time" -> Instant.now().toString();
            default -> schema.path("pattern").asText("").contains("{8}") // a UUID pattern
                    ? UUID.randomUUID().toString()
                    : "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
        };
    }
}
