package fr.alize.impact.report;

import fr.alize.platform.errors.InvalidInputException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * What every report takes: {@code asOf} (an RFC 3339 date-time; only events recorded on their topic by then count;
 * without it, every event recorded so far),
 * and how to answer: JSON, or CSV when {@code Accept: text/csv} or {@code format=csv}, comma-separated unless
 * {@code sep=semicolon}.
 */
public class ReportParams {

    public static final String TEXT_CSV = "text/csv";

    @QueryParam("asOf")
    String asOf;
    @QueryParam("format")
    String format;
    @QueryParam("sep")
    String sep;
    @Context
    HttpHeaders headers;

    /** The as-of time asked for; null when none was (everything recorded so far counts). */
    public Instant asOf() {
        return asOf(asOf);
    }

    /** An {@code asOf} query value read as {@link #asOf()} reads it, for resources that answer JSON only. */
    public static Instant asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "must be a date-time with its offset, e.g. 2027-01-01T00:00:00Z");
        }
    }

    private boolean csv() {
        if (format != null && !format.isBlank()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "must be json or csv");
            };
        }
        // the caller's preferred type (the list is sorted by quality)
        return headers != null && !headers.getAcceptableMediaTypes().isEmpty()
                && headers.getAcceptableMediaTypes().get(0).isCompatible(MediaType.valueOf(TEXT_CSV))
                && !headers.getAcceptableMediaTypes().get(0).isWildcardType();
    }

    private char separator() {
        if (sep == null || sep.isBlank() || sep.equals("comma")) {
            return ',';
        }
        if (sep.equals("semicolon")) {
            return ';';
        }
        throw new InvalidInputException("sep", "must be comma or semicolon");
    }

    /** The report as JSON, or as CSV when asked for, named {@code <name>.csv}. */
    public Response respond(String name, Object json, Supplier<CsvTable> table) {
        char separator = separator();
        if (!csv()) {
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(table.get().render(separator).getBytes(StandardCharsets.UTF_8))
                .type(TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .build();
    }
}
