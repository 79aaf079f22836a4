package fr.alize.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** JSON over HTTP/1.1 with a bearer token, as an HR system or a CCI's tool would call the public APIs. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Answer send(String method, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    /**
     * For setting up: sends until a 2xx while the answer is 400, 404, 409 or 503 or none (a service still starting, an
     * event not yet received: matching answers 400 for a volunteer it has not heard of), within a minute; fails with any
     * other answer.
     */
    JsonNode until2xx(String method, String url, String token, String json) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Answer answer = send(method, url, token, json);
            if (answer.ok()) {
                return answer.body().isEmpty() ? JSON.createObjectNode() : answer.json();
            }
            boolean waiting = answer.status() == -1 || answer.status() == 400 || answer.status() == 404 || answer.status() == 409
                    || answer.status() == 503;
            if (!waiting || System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + url + " answered " + answer.status() + ": " + answer.body());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the events are on their way
        }
    }
}
