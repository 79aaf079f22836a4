package fr.alize.testing.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.infra.AlizeRole;
import fr.alize.testing.ChunkedRequests;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sweeps a running service's API from its own OpenAPI document:
 * <ul>
 *   <li>authorization: every operation, called by every kind of caller, answers what {@code docs/security.md} says;
 *       an operation without a row there (or a row without an operation) fails;</li>
 *   <li>bad input: malformed JSON, missing fields, wrong types, unknown enum values, oversized strings, a body over
 *       1 MiB (declared, or sent in chunks without a Content-Length), invalid path ids and query values all get a 4xx
 *       problem+json, never a 5xx, and nothing is appended to the event store or published; a control character in
 *       any text field of a body (nested ones included) or in any text parameter gets a 400 naming that field;</li>
 *   <li>bounds: every string of every request body has a maximum length (or an enum, a date or UUID format, or a
 *       pattern that bounds it), every list a maximum size, and no body holds a map.</li>
 * </ul>
 * Use it from a {@code @QuarkusTest} of the service (RestAssured points at the test instance).
 */
public final class ApiSweep {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Text with a NUL in it, which PostgreSQL cannot store: every API must refuse it, naming the field. */
    private static final String CONTROL_TEXT = "x\u0000y";
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");
    /** Formats whose syntax bounds a string's length. */
    private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "time", "uuid");
    private static final Map<String, String> TENANT_CLAIMS = Map.of(
            "sme", "smeId", "partner-hr", "partnerId", "volunteer", "volunteerId");

    private final String service;
    private final List<OpenApiOperations.Operation> operations;
    private final AuthorizationMatrix matrix;
    private int requests;
    private final Set<String> cases = new LinkedHashSet<>();

    private ApiSweep(String service, List<OpenApiOperations.Operation> operations, AuthorizationMatrix matrix) {
        this.service = service;
        this.operations = operations;
        this.matrix = matrix;
    }

    public static ApiSweep of(String service) {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        return new ApiSweep(service, OpenApiOperations.parse(openApi),
                AuthorizationMatrix.load(EventContracts.eventsFolder().getParent().resolve("security.md"), service));
    }

    // ------------------------------------------------------------------ authorization

    public void assertAuthorization() {
        Set<String> documented = matrix.rows().keySet();
        List<String> operationKeys = operations.stream().map(OpenApiOperations.Operation::key).toList();
        assertThat(operationKeys).as("operations of %s without a row in docs/security.md", service)
                .allMatch(documented::contains);
        assertThat(documented).as("rows of docs/security.md for %s without an operation", service)
                .allMatch(operationKeys::contains);

        SoftAssertions softly = new SoftAssertions();
        for (OpenApiOperations.Operation op : operations) {
            Map<String, String> expected = matrix.rows().get(op.key());
            String anonymous = expected.get("anonymous");
            check(softly, op, "anonymous", null, Map.of(), anonymous);
            if (!"ok".equals(anonymous)) {
                check(softly, op, "expired token", Tokens.builder().role(AlizeRole.CCI, null).expired().build(), Map.of(), "401");
                check(softly, op, "forged token", Tokens.builder().role(AlizeRole.CCI, null).signedWithForeignKey().build(), Map.of(), "401");
            }
            for (String role : AuthorizationMatrix.CALLERS.subList(1, AuthorizationMatrix.CALLERS.size())) {
                String tenant = UUID.randomUUID().toString();
                Map<String, String> own = tenantFields(role, tenant);
                String token = Tokens.builder().role(AlizeRole.fromGroup(role), own.isEmpty() ? null : tenant).build();
                check(softly, op, role, token, own, expected.get(role));
                if ("own".equals(expected.get(role))) {
                    check(softly, op, role + " of another tenant", token,
                            tenantFields(role, UUID.randomUUID().toString()), "403");
                }
            }
        }
        System.out.printf("authorization sweep of %s: %d operations, %d requests%n", service, operations.size(), requests);
        softly.assertAll();
    }

    private void check(SoftAssertions softly, OpenApiOperations.Operation op, String caller, String token,
                       Map<String, String> tenant, String expected) {
        Response response = call(op, token, tenant, validBody(op, tenant), Map.of());
        int status = response.statusCode();
        String what = op.key() + " as " + caller + " (expected " + expected + ")";
        softly.assertThat(status).as(what + ": " + response.asString()).isLessThan(500);
        switch (expected) {
            case "ok" -> softly.assertThat(status).as(what).isNotIn(401, 403);
            case "own" -> softly.assertThat(status).as(what).isNotEqualTo(401);
            default -> softly.assertThat(status).as(what).isEqualTo(Integer.parseInt(expected));
        }
    }

    private static Map<String, String> tenantFields(String role, String tenant) {
        String claim = TENANT_CLAIMS.get(role);
        return claim == null ? Map.of() : Map.of(claim, tenant);
    }

    // ------------------------------------------------------------------ bounds

    /**
     * Every string of every request body has a maximum length, every list a maximum size, and no body holds a map
     * (whose keys nothing bounds), as the OpenAPI document shows them ({@code @Size} gives {@code maxLength} and
     * {@code maxItems}). An enum, a date or UUID format, or a pattern without an open-ended repetition bounds a
     * string too; a binary body (read by the resource itself, such as a bulk upload) is bounded by the body limit.
     */
    public void assertRequestBodiesBounded() {
        List<String> unbounded = new ArrayList<>();
        int checked = 0;
        for (OpenApiOperations.Operation op : operations) {
            if (op.hasJsonBody()) {
                checked++;
                unbounded(op.bodySchema(), "body", op.key(), unbounded, 0);
            }
        }
        System.out.printf("bounds sweep of %s: %d request bodies, %d unbounded fields%n", service, checked, unbounded.size());
        assertThat(unbounded).as("request body fields of %s without a bound", service).isEmpty();
    }

    static void unbounded(JsonNode schema, String path, String operation, List<String> into, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return;
        }
        for (String combiner : new String[]{"allOf", "oneOf", "anyOf"}) {
            for (JsonNode alternative : schema.path(combiner)) {
                unbounded(alternative, path, operation, into, depth + 1);
            }
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf") || "null".equals(schema.path("type").asText())) {
            return;
        }
        switch (SampleBodies.type(schema)) {
            case "string" -> {
                boolean bounded = schema.has("maxLength") || schema.has("enum")
                        || BOUNDED_FORMATS.contains(schema.path("format").asText()) || "binary".equals(schema.path("format").asText())
                        || (schema.has("pattern") && boundedPattern(schema.get("pattern").asText()));
                if (!bounded) {
                    into.add(operation + ": " + path + " is a string without maxLength");
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    into.add(operation + ": " + path + " is a list without maxItems");
                }
                unbounded(schema.path("items"), path + "[]", operation, into, depth + 1);
            }
            case "object" -> {
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject() || additional.asBoolean(false)) {
                    into.add(operation + ": " + path + " is a map");
                }
                schema.path("properties").fields().forEachRemaining(p ->
                        unbounded(p.getValue(), path + "." + p.getKey(), operation, into, depth + 1));
            }
            default -> {
            }
        }
    }

    /**
     * A regular expression that must match the whole value ({@code ^...$}: OpenAPI patterns, unlike
     * {@code @Pattern}, match anywhere) and has no {@code *}, {@code +} or {@code {n,}} outside escapes and
     * character classes.
     */
    static boolean boundedPattern(String regex) {
        String plain = regex.replaceAll("\\\\.", "_").replaceAll("\\[[^\\]]*\\]", "_");
        return plain.startsWith("^") && plain.endsWith("$")
                && !plain.contains("*") && !plain.contains("+") && !plain.matches(".*\\{\\d+,}.*");
    }

    // ------------------------------------------------------------------ bad input

    /**
     * @param eventsInStore how many events (or rows) the service's store holds
     * @param topic         the service's topic, which must not move either
     */
    public void assertBadInputRefused(LongSupplier eventsInStore, String topic) {
        long offsets = settledEndOffsets(topic);
        long events = eventsInStore.getAsLong();

        SoftAssertions softly = new SoftAssertions();
        for (OpenApiOperations.Operation op : operations) {
            Caller caller = allowedCaller(op);
            if (caller == null) {
                continue;
            }
            if (op.hasJsonBody()) {
                JsonNode valid = validBody(op, caller.tenant);
                expectRefused(softly, op, caller, "malformed JSON", "{\"", Map.of());
                expectRefused(softly, op, caller, "body over 1 MiB", "{\"x\":\"" + "x".repeat(1_100_000) + "\"}", Map.of());
                expectChunkedTooLarge(softly, op, caller);
                if (op.bodySchema().has("required") && !op.bodySchema().get("required").isEmpty()) {
                    expectRefused(softly, op, caller, "missing required fields", "{}", Map.of());
                }
                if (valid instanceof ObjectNode object) {
                    op.bodySchema().path("properties").fields().forEachRemaining(property -> {
                        String name = property.getKey();
                        if (caller.tenant.containsKey(name)) {
                            return;
                        }
                        JsonNode schema = property.getValue();
                        expectRefused(softly, op, caller, "wrong type for " + name, with(object, name, wrongType(schema)), Map.of());
                        if (schema.has("enum")) {
                            expectRefused(softly, op, caller, "unknown enum value for " + name,
                                    with(object, name, MAPPER.getNodeFactory().textNode("NOT_A_VALUE")), Map.of());
                        }
                        if ("string".equals(SampleBodies.type(schema)) && !schema.has("enum") && !schema.has("format")) {
                            expectRefused(softly, op, caller, "oversized string for " + name,
                                    with(object, name, MAPPER.getNodeFactory().textNode("x".repeat(100_000))), Map.of());
                        }
                    });
                    List<String> textFields = new ArrayList<>();
                    textFields(op.bodySchema(), "", caller.tenant.keySet(), textFields, 0);
                    for (String field : textFields) {
                        expectNamed(softly, op, caller, "control character in " + field,
                                withAt(object, field, MAPPER.getNodeFactory().textNode(CONTROL_TEXT)), Map.of(), field);
                    }
                }
            }
            for (OpenApiOperations.Parameter parameter : op.parameters()) {
                if ("path".equals(parameter.in()) && !caller.tenant.containsKey(parameter.name())) {
                    expectRefused(softly, op, caller, "invalid path id " + parameter.name(), body(op, caller),
                            Map.of(parameter.name(), "not-an-id"));
                }
                if ("query".equals(parameter.in()) && isTyped(parameter.schema())) {
                    expectRefused(softly, op, caller, "invalid query value " + parameter.name(), body(op, caller),
                            Map.of("?" + parameter.name(), "not-a-valid-value"));
                }
                if ("query".equals(parameter.in()) && "string".equals(SampleBodies.type(parameter.schema()))) {
                    expectNamed(softly, op, caller, "control character in query " + parameter.name(), body(op, caller),
                            Map.of("?" + parameter.name(), CONTROL_TEXT), parameter.name());
                }
                if ("path".equals(parameter.in())) {
                    expectNamed(softly, op, caller, "control character in path " + parameter.name(), body(op, caller),
                            Map.of(parameter.name(), CONTROL_TEXT), parameter.name());
                }
            }
        }
        softly.assertThat(eventsInStore.getAsLong()).as("events appended by refused requests").isEqualTo(events);
        softly.assertAll();
        // nothing was appended, so nothing may be published: the topic stays where it was
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> KafkaTestTopics.onTestBroker().endOffsetTotal(topic) == offsets);
        System.out.printf("bad-input sweep of %s: %d requests, %d distinct cases%n", service, requests, cases.size());
    }

    private Response expectRefused(SoftAssertions softly, OpenApiOperations.Operation op, Caller caller, String what,
                                   String body, Map<String, String> overrides) {
        cases.add(op.key() + ": " + what);
        Map<String, String> values = new HashMap<>(caller.tenant);
        values.putAll(overrides);
        Response response = call(op, caller.token, values, body == null ? null : body, overrides);
        String description = describe(op, what, response);
        softly.assertThat(response.statusCode()).as(description).isBetween(400, 499);
        softly.assertThat(response.contentType()).as(description).startsWith("application/problem+json");
        return response;
    }

    /** Refused as {@link #expectRefused} does, and precisely: a 400 whose {@code errors} name {@code field}. */
    private void expectNamed(SoftAssertions softly, OpenApiOperations.Operation op, Caller caller, String what,
                             String body, Map<String, String> overrides, String field) {
        Response response = expectRefused(softly, op, caller, what, body, overrides);
        String description = describe(op, what, response);
        softly.assertThat(response.statusCode()).as(description).isEqualTo(400);
        if (response.contentType().startsWith("application/problem+json")) {
            softly.assertThat(response.jsonPath().getList("errors.field", String.class)).as(description).contains(field);
        }
    }

    private static String describe(OpenApiOperations.Operation op, String what, Response response) {
        return op.key() + " with " + what + " answered " + response.statusCode() + " " + abbreviate(response.asString());
    }

    /** A body over 1 MiB sent without a Content-Length: 413 problem+json, as when the length is declared. */
    private void expectChunkedTooLarge(SoftAssertions softly, OpenApiOperations.Operation op, Caller caller) {
        cases.add(op.key() + ": chunked body over 1 MiB");
        requests++;
        String path = op.path();
        for (OpenApiOperations.Parameter parameter : op.parameters()) {
            if ("path".equals(parameter.in())) {
                path = path.replace("{" + parameter.name() + "}", caller.tenant.getOrDefault(parameter.name(), sampleParameter(parameter)));
            }
        }
        byte[] body = ("{\"x\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        ChunkedRequests.Answer answer = ChunkedRequests.send(op.method(), path, caller.token, "application/json", body);
        String description = op.key() + " with a chunked body over 1 MiB answered " + answer.status() + " " + abbreviate(answer.body());
        softly.assertThat(answer.status()).as(description).isEqualTo(413);
        softly.assertThat(answer.contentType()).as(description).startsWith("application/problem+json");
        softly.assertThat(answer.body()).as(description).contains("\"status\":413");
    }

    /**
     * The paths ({@code contact.name}, {@code skills[0].skillId}) of the free-text fields of a body schema: strings
     * without an enum or a format, nested objects and the first item of lists included; tenant fields left out.
     */
    static void textFields(JsonNode schema, String path, Set<String> skip, List<String> into, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return;
        }
        for (String combiner : new String[]{"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combiner) && !schema.get(combiner).isEmpty()) {
                textFields(SampleBodies.firstNonNull(schema.get(combiner)), path, skip, into, depth + 1);
                return;
            }
        }
        switch (SampleBodies.type(schema)) {
            case "string" -> {
                if (!schema.has("enum") && !schema.has("format") && !path.isEmpty()) {
                    into.add(path);
                }
            }
            case "array" -> textFields(schema.path("items"), path + "[0]", skip, into, depth + 1);
            case "object" -> schema.path("properties").fields().forEachRemaining(property -> {
                if (!(path.isEmpty() && skip.contains(property.getKey()))) {
                    textFields(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
                            skip, into, depth + 1);
                }
            });
            default -> {
            }
        }
    }

    /** A copy of {@code valid} with {@code value} at {@code path} ({@code a.b[0].c}), creating what is missing. */
    static String withAt(ObjectNode valid, String path, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        Matcher step = STEP.matcher(path);
        List<Object> steps = new ArrayList<>();
        while (step.find()) {
            steps.add(step.group(1) != null ? step.group(1) : (Object) Integer.valueOf(step.group(2)));
        }
        JsonNode node = copy;
        for (int i = 0; i < steps.size(); i++) {
            Object here = steps.get(i);
            boolean last = i == steps.size() - 1;
            JsonNode next = last ? value : steps.get(i + 1) instanceof Integer ? MAPPER.createArrayNode() : MAPPER.createObjectNode();
            if (here instanceof String name && node instanceof ObjectNode object) {
                JsonNode existing = object.get(name);
                if (last || existing == null || !existing.isContainerNode()) {
                    object.set(name, next);
                    existing = next;
                }
                node = existing;
            } else if (here instanceof Integer index && node instanceof ArrayNode array) {
                while (array.size() <= index) {
                    array.add(MAPPER.nullNode());
                }
                JsonNode existing = array.get(index);
                if (last || !existing.isContainerNode()) {
                    array.set(index, next);
                    existing = next;
                }
                node = existing;
            }
        }
        return copy.toString();
    }

    private String body(OpenApiOperations.Operation op, Caller caller) {
        return op.hasJsonBody() ? validBody(op, caller.tenant).toString() : null;
    }

    private Caller allowedCaller(OpenApiOperations.Operation op) {
        Map<String, String> expected = matrix.rows().get(op.key());
        if (expected == null) {
            return null;
        }
        for (String role : List.of("cci", "sme", "partner-hr", "volunteer", "analyst")) {
            String cell = expected.get(role);
            if ("ok".equals(cell) || "own".equals(cell)) {
                String tenant = UUID.randomUUID().toString();
                Map<String, String> fields = tenantFields(role, tenant);
                return new Caller(Tokens.builder().role(AlizeRole.fromGroup(role), fields.isEmpty() ? null : tenant).build(), fields);
            }
        }
        return null;
    }

    private record Caller(String token, Map<String, String> tenant) {
    }

    // ------------------------------------------------------------------ requests

    private JsonNode validBody(OpenApiOperations.Operation op, Map<String, String> tenant) {
        return op.hasJsonBody() ? SampleBodies.sample(op.bodySchema(), tenant) : null;
    }

    private Response call(OpenApiOperations.Operation op, String token, Map<String, String> values, Object body,
                          Map<String, String> overrides) {
        requests++;
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        String path = op.path();
        for (OpenApiOperations.Parameter parameter : op.parameters()) {
            String value = values.getOrDefault(parameter.name(), sampleParameter(parameter));
            if ("path".equals(parameter.in())) {
                path = path.replace("{" + parameter.name() + "}", value);
            } else if ("query".equals(parameter.in())) {
                String override = overrides.get("?" + parameter.name());
                if (override != null || parameter.required()) {
                    request.queryParam(parameter.name(), override != null ? override : value);
                }
            }
        }
        if (body != null) {
            request.contentType(op.bodyMediaType().contains("json") ? "application/json" : op.bodyMediaType())
                    .body(body instanceof JsonNode json ? json.toString() : body.toString());
        }
        return request.request(op.method(), path);
    }

    private static String sampleParameter(OpenApiOperations.Parameter parameter) {
        if ("path".equals(parameter.in()) && "string".equals(SampleBodies.type(parameter.schema()))) {
            return UUID.randomUUID().toString(); // ids
        }
        JsonNode value = SampleBodies.sample(parameter.schema(), Map.of());
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static boolean isTyped(JsonNode schema) {
        String type = SampleBodies.type(schema);
        return schema.has("enum") || schema.has("format") || "integer".equals(type) || "number".equals(type)
                || "boolean".equals(type);
    }

    private static String with(ObjectNode valid, String field, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(field, value);
        return copy.toString();
    }

    /** A value Jackson cannot bind to the field's type (it would coerce a number into a string, not an object). */
    private static JsonNode wrongType(JsonNode schema) {
        return switch (SampleBodies.type(schema)) {
            case "integer", "number" -> MAPPER.getNodeFactory().textNode("not a number");
            case "boolean" -> MAPPER.getNodeFactory().textNode("maybe");
            case "array" -> MAPPER.getNodeFactory().textNode("not an array");
            case "object" -> MAPPER.getNodeFactory().textNode("not an object");
            default -> MAPPER.createObjectNode().put("not", "a string");
        };
    }

    private static long settledEndOffsets(String topic) {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = KafkaTestTopics.onTestBroker().endOffsetTotal(topic);
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
