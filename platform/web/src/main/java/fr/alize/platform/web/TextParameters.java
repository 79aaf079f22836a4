package fr.alize.platform.web;

import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a request whose path or query parameters hold text that {@link TextInput} refuses (after URL decoding:
 * {@code %00} is a NUL), with a 400 problem+json naming each parameter, before the resource method runs. Bodies are
 * checked as they are read ({@link RequestJson}); the request line itself is bounded by the HTTP server (4 KiB).
 */
public class TextParameters {

    /** The 400 answer, or empty to go on. */
    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        check(uri.getPathParameters(), errors);
        check(uri.getQueryParameters(), errors);
        return errors.isEmpty() ? Optional.empty() : Optional.of(ProblemMappers.toResponse(new InvalidInputException(errors)));
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            var nameProblem = TextInput.problemWith(parameter.getKey());
            if (nameProblem.isPresent()) {
                errors.add(new FieldError("query", "a parameter name " + nameProblem.get()));
                continue;
            }
            for (String value : parameter.getValue()) {
                var problem = TextInput.problemWith(value);
                if (problem.isPresent()) {
                    errors.add(new FieldError(parameter.getKey(), problem.get()));
                    break;
                }
            }
        }
    }
}
