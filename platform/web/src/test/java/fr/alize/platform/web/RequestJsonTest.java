package fr.alize.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestJsonTest {

    record Contact(String name, List<String> phones) {
    }

    record Body(String reason, Contact contact, List<Contact> others, String[] tags) {
    }

    private final ObjectMapper base = new ObjectMapper();
    private final ObjectMapper requests = new RequestJson(base).mapper();

    @Test
    void everyStringOfABodyIsCheckedAndTheFailureNamesItsPath() {
        assertThat(refusedAt("{\"reason\": \"x\\u0000y\"}")).isEqualTo("reason");
        assertThat(refusedAt("{\"contact\": {\"name\": \"\\u001b\"}}")).isEqualTo("contact.name");
        assertThat(refusedAt("{\"contact\": {\"phones\": [\"1\", \"\\u0085\"]}}")).isEqualTo("contact.phones[1]");
        assertThat(refusedAt("{\"others\": [{\"name\": \"ok\"}, {\"name\": \"\\ud800\"}]}")).isEqualTo("others[1].name");
        assertThat(refusedAt("{\"tags\": [\"\\uffff\"]}")).isEqualTo("tags[0]");
        assertThat(refusedAt("{\"reason\": \"" + "x".repeat(TextInput.MAX_CHARS + 1) + "\"}")).isEqualTo("reason");
    }

    @Test
    void theApplicationsOwnMapperStillReadsWhatIsStored() throws Exception {
        String stored = "{\"reason\": \"x\\u0000y\", \"contact\": {\"name\": \"\\u001b\"}}";
        assertThat(base.readValue(stored, Body.class).reason()).isEqualTo("x\u0000y");
        assertThat(base.copy().readValue(stored, Body.class).contact().name()).isEqualTo("\u001b");
    }

    @Test
    void ordinaryTextReadsAsBefore() throws Exception {
        Body body = requests.readValue("{\"reason\": \"two\\r\\nlines\\tand 😀\", \"tags\": [\"a\"], \"contact\": null}", Body.class);
        assertThat(body.reason()).isEqualTo("two\r\nlines\tand 😀");
        assertThat(body.tags()).containsExactly("a");
        assertThat(body.contact()).isNull();
    }

    private String refusedAt(String json) {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> requests.readValue(json, Body.class));
        assertThat(e).isInstanceOf(RequestJson.RefusedText.class);
        return ProblemMappers.pathOf(e);
    }
}
