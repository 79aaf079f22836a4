package fr.alize.testing;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a request body without a Content-Length (HTTP/1.1 chunked transfer encoding) to the service under test,
 * which RestAssured never does: it always declares the length of what it sends.
 */
public final class ChunkedRequests {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What came back. */
    public record Answer(int status, String contentType, String body) {
    }

    private ChunkedRequests() {
    }

    /**
     * @param path  the path and query, such as {@code /missions/x/refusal}, on RestAssured's base URI and port
     * @param token a bearer token, or null for none
     */
    public static Answer send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                // an input stream of unknown length: the client sends it in chunks
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
