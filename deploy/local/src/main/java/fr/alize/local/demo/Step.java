package fr.alize.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One step of the demo story: either a shell variable a person sets, or an HTTP call a person types
 * with curl. The same steps are run by {@link StoryRunner} and written out by {@link Walkthrough}, so
 * the walkthrough shows exactly the calls the demo and its test make.
 *
 * <p>Templates (paths and bodies) name variables as {@code ${NAME}}: bash expands them in the
 * walkthrough, the runner replaces them itself.
 */
sealed interface Step {

    /** A part of the story: a title, a few sentences, its steps. */
    record Chapter(String title, String text, List<Step> steps) {
    }

    /** {@code NAME=value}. */
    record Let(String name, Value value) implements Step {
    }

    /** What a variable holds. */
    sealed interface Value {
    }

    /** A fixed value, such as an SME id chosen by the CCI. */
    record Literal(String text) implements Value {
    }

    /** The base URL of a service. */
    record ServiceUrl(String service) implements Value {
    }

    /** A date relative to today (Europe/Paris), as ISO date or as its year. */
    record Day(int daysFromToday, boolean yearOnly) implements Value {
    }

    /** A bearer token made by the launcher's {@code token} command; {@code tenantVariable} may be null. */
    record Token(String role, String tenantVariable) implements Value {
    }

    /**
     * An HTTP call.
     *
     * @param says        what it does, in one line (a comment above the curl command)
     * @param service     variable holding the service's base URL (NEEDS, VOLUNTEERS, MATCHING, IMPACT)
     * @param token       variable holding the caller's token
     * @param contentType of the body; null without a body
     * @param expected    the answers that mean success (the first one is what a first run gets)
     * @param captures    variables set from the answer, by a path such as {@code .results[0].volunteerId}
     * @param until       for reads of what other services project: repeat until the answer satisfies it
     * @param done        for writes that are not idempotent by themselves: how the runner sees they were
     *                    already made (and finds the value of the first capture), so the demo loads once
     */
    record Call(String says, String method, String service, String path, String token, String contentType,
                String body, Set<Integer> expected, List<Capture> captures, Until until, Lookup done) implements Step {

        Call withCapture(String variable, String path) {
            List<Capture> all = new java.util.ArrayList<>(captures);
            all.add(new Capture(variable, path));
            return new Call(says, method, service, this.path, token, contentType, body, expected, List.copyOf(all), until, done);
        }

        Call until(String description, Predicate<JsonNode> condition) {
            return new Call(says, method, service, path, token, contentType, body, expected, captures,
                    new Until(description, condition), done);
        }

        Call doneWhen(String path, String token, Function<JsonNode, Optional<String>> found) {
            return doneWhen(path, token, (answer, variables) -> found.apply(answer));
        }

        Call doneWhen(String path, String token, BiFunction<JsonNode, UnaryOperator<String>, Optional<String>> found) {
            return new Call(says, method, service, this.path, this.token, contentType, body, expected, captures, until,
                    new Lookup(path, token, found));
        }

        Call expecting(int status) {
            return new Call(says, method, service, path, token, contentType, body, Set.of(status), captures, until, done);
        }

        Call alsoAccepting(int status) {
            Set<Integer> all = new java.util.LinkedHashSet<>(expected);
            all.add(status);
            return new Call(says, method, service, path, token, contentType, body, all, captures, until, done);
        }

        int firstExpected() {
            return expected.iterator().next();
        }
    }

    /** {@code variable} := the value at {@code path} in the JSON answer. */
    record Capture(String variable, String path) {
    }

    /** A condition the answer must meet, and how the walkthrough says it. */
    record Until(String description, Predicate<JsonNode> condition) {
    }

    /**
     * A GET on the same service; the call was already made when {@code found} gives a value for the answer
     * (an empty string when the call captures nothing). A 404 means not made yet. {@code found} also gets
     * the function that replaces {@code ${NAME}} by the variables' values.
     */
    record Lookup(String path, String token, BiFunction<JsonNode, UnaryOperator<String>, Optional<String>> found) {
    }
}
