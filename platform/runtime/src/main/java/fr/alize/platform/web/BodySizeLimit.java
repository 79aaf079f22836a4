package fr.alize.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import fr.alize.platform.AlizeConfig;

/**
 * Refuses a request whose declared body is larger than {@code alize.http.max-body-bytes} (1 MiB) with a 413
 * problem+json, before anything reads it. Vert.x' own limit ({@code quarkus.http.limits.max-body-size}, left at its
 * 10 MiB default) stays as the backstop for bodies sent without a Content-Length.
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    ObjectMapper mapper;

    @Inject
    AlizeConfig config;

    void register(@Observes Filters filters) {
        long maxBodyBytes = config.http().maxBodyBytes();
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared, maxBodyBytes)) {
                Problem problem = Problem.of(413, "Content too large",
                        "The request body is larger than " + maxBodyBytes + " bytes.");
                try {
                    context.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(mapper.writeValueAsString(problem));
                } catch (Exception e) {
                    context.fail(413, e);
                }
                return;
            }
            context.next();
        }, 10_000);
    }

    private static boolean isOver(String contentLength, long maxBodyBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
