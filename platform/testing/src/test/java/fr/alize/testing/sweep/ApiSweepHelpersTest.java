package fr.alize.testing.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSweepHelpersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aPatternBoundsAStringOnlyWhenAnchoredAndWithoutOpenRepetition() throws Exception {
        assertThat(ApiSweep.boundedPattern("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}$")).isTrue();
        assertThat(ApiSweep.boundedPattern("^\\+?[0-9 .()-]{6,30}$")).isTrue();
        assertThat(ApiSweep.boundedPattern("^(?i)([0-9]{2}|2[AB])[0-9]{3}$")).isTrue();
        assertThat(ApiSweep.boundedPattern("^[a+*]{1,3}$")).isTrue();
        assertThat(ApiSweep.boundedPattern("\\S")).isFalse();
        assertThat(ApiSweep.boundedPattern("^[\\p{Alnum}._:/#-]+$")).isFalse();
        assertThat(ApiSweep.boundedPattern("^x*$")).isFalse();
        assertThat(ApiSweep.boundedPattern("^x{2,}$")).isFalse();
    }

    @Test
    void aStringWithoutMaxLengthAListWithoutMaxItemsAndAMapAreUnbounded() throws Exception {
        var schema = MAPPER.readTree("""
                {"type": "object", "properties": {
                  "title": {"type": "string", "maxLength": 10},
                  "id": {"type": "string", "pattern": "^[0-9]{4}$"},
                  "blank": {"type": "string", "pattern": "\\\\S"},
                  "kind": {"type": "string", "enum": ["A"]},
                  "day": {"type": "string", "format": "date"},
                  "note": {"type": ["string", "null"]},
                  "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}},
                  "skills": {"type": "array", "maxItems": 3, "items": {"type": "object", "properties": {"skillId": {"type": "string"}}}},
                  "extra": {"type": "object", "additionalProperties": {"type": "string"}},
                  "contact": {"allOf": [{"type": "object", "properties": {"name": {"type": "string"}}}]}}}""");
        List<String> unbounded = new ArrayList<>();
        ApiSweep.unbounded(schema, "body", "POST /x", unbounded, 0);
        assertThat(unbounded).containsExactlyInAnyOrder(
                "POST /x: body.blank is a string without maxLength",
                "POST /x: body.note is a string without maxLength",
                "POST /x: body.tags is a list without maxItems",
                "POST /x: body.skills[].skillId is a string without maxLength",
                "POST /x: body.extra is a map",
                "POST /x: body.contact.name is a string without maxLength");
    }

    @Test
    void textFieldsAreFoundNestedAndSetByTheirPath() throws Exception {
        var schema = MAPPER.readTree("""
                {"type": "object", "properties": {
                  "smeId": {"type": "string"},
                  "title": {"type": "string", "maxLength": 10},
                  "kind": {"type": "string", "enum": ["A"]},
                  "date": {"type": "string", "format": "date"},
                  "contact": {"type": "object", "properties": {"name": {"type": "string"}}},
                  "skills": {"type": "array", "items": {"type": "object", "properties": {"skillId": {"type": "string"}}}},
                  "tags": {"type": "array", "items": {"type": "string"}}}}""");
        List<String> fields = new ArrayList<>();
        ApiSweep.textFields(schema, "", Set.of("smeId"), fields, 0);
        assertThat(fields).containsExactly("title", "contact.name", "skills[0].skillId", "tags[0]");

        ObjectNode valid = (ObjectNode) MAPPER.readTree("{\"title\": \"t\", \"contact\": {\"name\": \"n\"}, \"skills\": [{\"skillId\": \"s\"}]}");
        assertThat(ApiSweep.withAt(valid, "contact.name", TextNode.valueOf("x"))).contains("\"contact\":{\"name\":\"x\"}");
        assertThat(ApiSweep.withAt(valid, "skills[0].skillId", TextNode.valueOf("x"))).contains("\"skills\":[{\"skillId\":\"x\"}]");
        assertThat(ApiSweep.withAt(valid, "tags[0]", TextNode.valueOf("x"))).contains("\"tags\":[\"x\"]");
        assertThat(valid.get("contact").get("name").asText()).isEqualTo("n");
    }
}
