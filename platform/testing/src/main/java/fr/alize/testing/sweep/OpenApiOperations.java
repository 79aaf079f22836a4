package fr.alize.testing.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations a service documents in its OpenAPI document, with their parameters and body schema resolved. */
public final class OpenApiOperations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, String bodyMediaType) {

        /** {@code POST /needs/{needId}}: how the authorization table names it. */
        public String key() {
            return method + " " + path;
        }

        public boolean hasJsonBody() {
            return bodySchema != null && bodyMediaType != null && bodyMediaType.contains("json");
        }
    }

    private OpenApiOperations() {
    }

    /** Parses an OpenAPI 3 document (JSON); operations under {@code /q/} are left out (health, metrics, OpenAPI). */
    public static List<Operation> parse(String openApiJson) {
        try {
            JsonNode root = MAPPER.readTree(openApiJson);
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (String method : METHODS) {
                    JsonNode op = path.getValue().get(method);
                    if (op != null) {
                        operations.add(operation(root, method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), op));
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operation operation(JsonNode root, String method, String path, JsonNode pathItem, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(root, p, 0);
                parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                        param.path("required").asBoolean(false), resolve(root, param.path("schema"), 0)));
            }
        }
        JsonNode body = null;
        String mediaType = null;
        Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next();
            mediaType = first.getKey();
            body = resolve(root, first.getValue().path("schema"), 0);
        }
        return new Operation(method, path, parameters, body, mediaType);
    }

    /** Inlines {@code $ref}s (to a bounded depth, for recursive schemas). */
    static JsonNode resolve(JsonNode root, JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > 8) {
            return node;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1)); // "#/components/schemas/X" -> "/components/schemas/X"
            return resolve(root, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(root, e.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolve(root, item, depth + 1)));
            return copy;
        }
        return node;
    }
}
