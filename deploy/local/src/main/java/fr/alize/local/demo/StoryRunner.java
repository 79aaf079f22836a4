package fr.alize.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.alize.local.demo.Step.Call;
import fr.alize.local.demo.Step.Capture;
import fr.alize.local.demo.Step.Chapter;
import fr.alize.local.demo.Step.Day;
import fr.alize.local.demo.Step.Let;
import fr.alize.local.demo.Step.Literal;
import fr.alize.local.demo.Step.ServiceUrl;
import fr.alize.local.demo.Step.Token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@link Story} against a running suite over HTTP, the way a person would with curl, and makes
 * it safe to run again: a write that is not idempotent by itself is skipped when its {@link Step.Lookup}
 * finds it was made, and what it would have captured is read from there instead.
 *
 * <p>Events travel between services through Kafka, so a call answering 503 (a service still starting, a
 * reference not yet received) is repeated, and a read with an {@link Step.Until} is repeated while it
 * answers 404 or until its answer meets the condition, each within {@code patience}.
 */
public final class StoryRunner {

    /** Makes a bearer token for a role and, for sme, partner-hr and volunteer, a tenant id. */
    @FunctionalInterface
    public interface Tokens {
        String mint(String role, String tenant);
    }

    /** The story could not be loaded: which step, and what the service answered. */
    public static final class StoryFailure extends RuntimeException {
        StoryFailure(String message) {
            super(message);
        }
    }

    /** What a run leaves: every variable of the story, and the last answer of each read. */
    public record Result(Map<String, String> variables, Map<String, JsonNode> reads, int calls, int skipped) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern PATH_PART = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");

    private final Map<String, List<String>> serviceUrls;
    /** Per service's first URL, how many calls went to it so far: each call goes to the next instance. */
    private final Map<String, Integer> turns = new HashMap<>();
    private final Tokens tokens;
    private final Clock clock;
    private final Duration patience;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param serviceUrls base URLs of the instances of each service by name ({@code needs-service} ...); the calls to
     *                    a service go to its instances in turn (round robin), the story's variables name the first
     * @param patience    how long a step may wait for a service or for an event to arrive
     * @param log         where to say what each step did
     */
    public StoryRunner(Map<String, List<String>> serviceUrls, Tokens tokens, Clock clock, Duration patience,
                       Consumer<String> log) {
        this.serviceUrls = Map.copyOf(serviceUrls);
        this.tokens = tokens;
        this.clock = clock;
        this.patience = patience;
        this.log = log;
    }

    public Result run() {
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, JsonNode> reads = new LinkedHashMap<>();
        int calls = 0;
        int skipped = 0;
        for (Chapter chapter : Story.chapters()) {
            log.accept(chapter.title());
            for (Step step : chapter.steps()) {
                if (step instanceof Let let) {
                    variables.put(let.name(), value(let.value(), variables));
                } else if (step instanceof Call call) {
                    calls++;
                    if (!perform(call, variables, reads)) {
                        skipped++;
                    }
                }
            }
        }
        return new Result(Map.copyOf(variables), reads, calls, skipped);
    }

    /** Makes the call unless its lookup finds it done; returns whether it was made. */
    private boolean perform(Call call, Map<String, String> variables, Map<String, JsonNode> reads) {
        if (call.done() != null) {
            Answer existing = send("GET", call.service(), call.done().path(), call.done().token(), null, null, variables);
            if (existing.status() == 200) {
                Optional<String> found = call.done().found().apply(existing.json(), text -> resolve(text, variables));
                if (found.isPresent()) {
                    if (!call.captures().isEmpty()) {
                        variables.put(call.captures().get(0).variable(), found.get());
                    }
                    log.accept("  " + resolve(call.says(), variables) + ": done before");
                    return false;
                }
            } else if (existing.status() != 404) {
                throw failure(call, "looking whether it was done", existing);
            }
        }
        long deadline = System.nanoTime() + patience.toNanos();
        Answer answer;
        while (true) {
            answer = send(call.method(), call.service(), call.path(), call.token(), call.contentType(), call.body(), variables);
            boolean waitingForOthers = answer.status() == 503 || (call.until() != null && (answer.status() == 404
                    || call.expected().contains(answer.status()) && !call.until().condition().test(answer.json())));
            if (!waitingForOthers) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw failure(call, call.until() == null ? "still unavailable" : "still not so: " + call.until().description(), answer);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300)); // the events are on their way
        }
        if (!call.expected().contains(answer.status())) {
            throw failure(call, "unexpected answer", answer);
        }
        for (Capture capture : call.captures()) {
            JsonNode value = at(answer.json(), capture.path());
            if (!value.isValueNode() || value.asText().isEmpty()) {
                throw failure(call, "no " + capture.path() + " in the answer", answer);
            }
            variables.put(capture.variable(), value.asText());
        }
        if (call.method().equals("GET")) {
            reads.put(call.path(), answer.json());
        }
        log.accept("  " + resolve(call.says(), variables) + ": " + answer.status());
        return true;
    }

    private String value(Step.Value value, Map<String, String> variables) {
        if (value instanceof Literal literal) {
            return literal.text();
        } else if (value instanceof ServiceUrl url) {
            return require(serviceUrls, url.service(), "service").get(0);
        } else if (value instanceof Day day) {
            LocalDate date = LocalDate.now(clock).plusDays(day.daysFromToday());
            return day.yearOnly() ? Integer.toString(date.getYear()) : date.toString();
        } else if (value instanceof Token token) {
            return tokens.mint(token.role(), token.tenantVariable() == null ? null : require(variables, token.tenantVariable(), "variable"));
        }
        throw new IllegalArgumentException("unknown value " + value);
    }

    private record Answer(int status, String body, JsonNode json) {
    }

    /** The instance the next call to the service whose first URL this is goes to; any other URL as it is. */
    private String nextInstance(String firstUrl) {
        for (List<String> instances : serviceUrls.values()) {
            if (instances.get(0).equals(firstUrl)) {
                int turn = turns.merge(firstUrl, 1, Integer::sum) - 1;
                return instances.get(turn % instances.size());
            }
        }
        return firstUrl;
    }

    private Answer send(String method, String service, String path, String token, String contentType, String body,
                        Map<String, String> variables) {
        URI uri = URI.create(nextInstance(require(variables, service, "variable")) + resolve(path, variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + require(variables, token, "variable"))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", contentType + "; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(resolve(body, variables)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException e) {
            return new Answer(503, "cannot reach " + uri + ": " + e, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoryFailure("interrupted");
        }
    }

    /** Replaces every {@code ${NAME}}; an unknown name is a bug of the story. */
    static String resolve(String template, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(require(variables, m.group(1), "variable")));
        }
        return m.appendTail(out).toString();
    }

    /** The node at a path such as {@code .results[0].volunteerId}; missing when there is none. */
    public static JsonNode at(JsonNode node, String path) {
        Matcher m = PATH_PART.matcher(path);
        JsonNode current = node;
        while (m.find()) {
            current = m.group(1) != null ? current.path(m.group(1)) : current.path(Integer.parseInt(m.group(2)));
        }
        return current;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static <T> T require(Map<String, T> values, String name, String what) {
        T value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("the story uses the " + what + " " + name + " before it is set");
        }
        return value;
    }

    private static StoryFailure failure(Call call, String problem, Answer answer) {
        return new StoryFailure("demo step '" + call.says() + "' (" + call.method() + " " + call.path() + "): " + problem
                + "; answer " + answer.status() + " " + abbreviate(answer.body()));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }

    /** For the summary: the value at {@code path} of a read, as text ("?" when absent). */
    public static String text(Result result, String read, String path) {
        JsonNode node = result.reads().get(read);
        JsonNode value = node == null ? MissingNode.getInstance() : at(node, path);
        return value.isMissingNode() ? "?" : value.asText();
    }
}
