package fr.alize.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import fr.alize.domain.InvalidValue;
import fr.alize.domain.NotPermitted;
import fr.alize.domain.NotYetDecidable;
import fr.alize.domain.RuleViolation;
import fr.alize.platform.errors.AccessDeniedException;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.platform.errors.ProblemException;
import fr.alize.platform.errors.ServiceUnavailableException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST call into an RFC 9457 {@code application/problem+json} answer. Validation failures
 * and unreadable bodies name each field at fault; nothing internal leaks into a 5xx.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return toResponse(e);
    }

    /** A rule of an aggregate broken by the command: 409, as a {@link ConflictException}. */
    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        return toResponse(new ConflictException(e.getMessage()));
    }

    /** Values of the command refused by the aggregate: 400 naming each field, as an {@link InvalidInputException}. */
    @ServerExceptionMapper
    public Response invalidValue(InvalidValue e) {
        return toResponse(new InvalidInputException(e.violations().stream()
                .map(v -> new FieldError(v.field(), v.reason())).toList()));
    }

    /** A command the aggregate does not let this caller send: 403, as an {@link AccessDeniedException}. */
    @ServerExceptionMapper
    public Response notPermitted(NotPermitted e) {
        return toResponse(new AccessDeniedException());
    }

    /** A command that cannot be decided before reference data arrives: 503 with {@code Retry-After}, to try again. */
    @ServerExceptionMapper
    public Response notYetDecidable(NotYetDecidable e) {
        return toResponse(new ServiceUnavailableException(e.getMessage()));
    }

    /** The answer for a {@link ProblemException}; a 503 also says when to retry. */
    public static Response toResponse(ProblemException e) {
        Response response = new Problem("about:blank", e.title(), e.status(), e.getMessage(), null, e.errors()).toResponse();
        if (e.status() == 503) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ", "Invalid field(s): ", ""));
        return Problem.invalid(detail, errors).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message = messageFor(mapping);
            return Problem.invalid(field + ": " + message, List.of(new FieldError(field, message))).toResponse();
        }
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.invalid("The request body is not valid JSON" + location, List.of()).toResponse();
    }

    // Quarkus ships its own mapper for this subtype; ours must win for the field to be named.
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "Forbidden", "You are not allowed to do this.").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable); // Quarkus wraps some Jackson failures in a plain 400
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 401) {
            return unauthorized();
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        Response.ResponseBuilder answer = Response.fromResponse(new Problem("about:blank", title, status, detail, null, List.of()).toResponse());
        // keep headers such as Allow (405)
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return internalError(e);
    }

    /** A 500 that tells the caller only an error id, under which the failure is logged. */
    public static Response internalError(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure (error id %s)", errorId);
        return Problem.of(500, "Internal error", "Something went wrong on our side; error id " + errorId + ".").toResponse();
    }

    private static Response unauthorized() {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "A valid bearer token is required.").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** {@code skills[0].level} from a Jackson reference chain. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof RequestJson.RefusedText refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has a wrong type or format";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        String name = type.getSimpleName();
        if (name.equals("LocalDate")) {
            return "a date (YYYY-MM-DD)";
        }
        if (name.equals("Instant") || name.equals("OffsetDateTime")) {
            return "a date-time (ISO 8601, e.g. 2026-01-31T10:00:00Z)";
        }
        if (name.equals("UUID")) {
            return "a UUID";
        }
        return "an object";
    }

    /**
     * The field at fault in a bean-validation violation: the bean property path when there is one
     * ({@code skills[0].level}), otherwise the name of the query/path parameter.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && !path.isEmpty()) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter != null ? parameter : "body";
    }
}
