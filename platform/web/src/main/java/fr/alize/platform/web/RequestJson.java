package fr.alize.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The {@link ObjectMapper} that reads request bodies: Quarkus' own, plus a reader for every {@code String} that
 * refuses what {@link TextInput} refuses, so that every text field of every body is checked without its record
 * saying so. The failure names the field ({@code contact.name}, {@code skills[0].skillId}) like any other unreadable
 * field ({@link ProblemMappers}).
 * <p>
 * Only the REST layer (through {@link RequestJsonResolver}) and code that reads a request body by hand use it. The
 * CDI {@code ObjectMapper}, which Axon's serializer is copied from and the Kafka consumers read with, stays as it was:
 * events already stored or published still deserialize on replay, whatever text they hold.
 */
@Singleton
public class RequestJson {

    private final ObjectMapper mapper;

    @Inject
    public RequestJson(ObjectMapper base) {
        this.mapper = base.copy().registerModule(new SimpleModule("alize-request-text")
                .addDeserializer(String.class, new CheckedString()));
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A text field that {@link TextInput} refuses; {@link #getOriginalMessage()} says why, without the value. */
    public static final class RefusedText extends JsonMappingException {
        RefusedText(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            var problem = TextInput.problemWithField(value);
            if (problem.isPresent()) {
                throw new RefusedText(parser, problem.get());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
