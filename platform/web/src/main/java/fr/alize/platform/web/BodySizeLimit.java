package fr.alize.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.AlizeConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses a request body larger than {@code alize.http.max-body-bytes} (1 MiB) with a 413 problem+json, before any
 * handler reads it:
 * <ul>
 *   <li>a declared Content-Length over the limit is answered at once, with {@code Connection: close};</li>
 *   <li>a body sent without a Content-Length (chunked transfer encoding) is read here, counting its bytes: within the
 *       limit it is handed on whole (REST reads it from the routing context); past the limit the rest is read and
 *       dropped, up to {@link #DRAIN_FACTOR} times the limit, before the 413 is sent, so that a client that reads
 *       the answer only once it has sent everything gets it instead of a reset connection; the connection is closed
 *       after the answer.</li>
 * </ul>
 * Vert.x' own limit ({@code quarkus.http.limits.max-body-size}, 10 MiB) is never reached by a request this filter
 * has seen, so no caller gets its empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** How much of an oversized chunked body is read and dropped before the connection is closed, in limits. */
    static final int DRAIN_FACTOR = 4;

    @Inject
    ObjectMapper mapper;

    @Inject
    AlizeConfig config;

    void register(@Observes Filters filters) {
        long maxBodyBytes = config.http().maxBodyBytes();
        filters.register(context -> {
            HttpServerRequest request = context.request();
            String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null) {
                if (isOver(declared, maxBodyBytes)) {
                    tooLarge(context, maxBodyBytes);
                } else {
                    context.next();
                }
                return;
            }
            if (request.isEnded() || !isChunked(request)) {
                context.next();
                return;
            }
            readBounded(context, maxBodyBytes);
        }, 10_000);
    }

    /**
     * An HTTP/1.1 body without a Content-Length comes with Transfer-Encoding. HTTP/2 (an h2c upgrade) is left to
     * Vert.x: its request cannot be paused once read, as REST does next, and its clients declare the length of what
     * they know.
     */
    private static boolean isChunked(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2 && request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void readBounded(RoutingContext context, long maxBodyBytes) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0]) {
                if (received[0] > DRAIN_FACTOR * maxBodyBytes && !context.response().ended()) {
                    tooLarge(context, maxBodyBytes).onComplete(sent -> request.connection().close());
                }
                return;
            }
            if (received[0] > maxBodyBytes) {
                refused[0] = true;
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(context::fail);
        request.endHandler(end -> {
            if (refused[0]) {
                if (!context.response().ended()) {
                    tooLarge(context, maxBodyBytes).onComplete(sent -> request.connection().close());
                }
            } else {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private Future<Void> tooLarge(RoutingContext context, long maxBodyBytes) {
        Problem problem = Problem.of(413, "Content too large", "The request body is larger than " + maxBodyBytes + " bytes.");
        try {
            return context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (Exception e) {
            context.fail(413, e);
            return Future.succeededFuture();
        }
    }

    private static boolean isOver(String contentLength, long maxBodyBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
