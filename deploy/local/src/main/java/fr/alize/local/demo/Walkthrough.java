package fr.alize.local.demo;

import fr.alize.local.demo.Step.Call;
import fr.alize.local.demo.Step.Chapter;
import fr.alize.local.demo.Step.Day;
import fr.alize.local.demo.Step.Let;
import fr.alize.local.demo.Step.Literal;
import fr.alize.local.demo.Step.ServiceUrl;
import fr.alize.local.demo.Step.Token;

import java.util.Map;

/**
 * Writes the {@link Story} as {@code docs/walkthrough.md}: the curl commands a person types, in bash, one
 * block per chapter. {@code WalkthroughTest} fails when the file differs from what this renders.
 */
public final class Walkthrough {

    /** The file each answer worth keeping is written to (a shell variable set in the first block). */
    static final String ANSWER = "\"${ANSWER}\"";

    private Walkthrough() {
    }

    /** @param serviceUrls the base URL of each service, as the launcher's defaults give them */
    public static String render(Map<String, String> serviceUrls) {
        StringBuilder md = new StringBuilder("""
                # Walkthrough: the programme's story with curl

                This is the story that `java -jar deploy/local/target/alize-local.jar run --demo` loads, told as the \
                calls a person makes with curl. The file is generated from \
                `deploy/local/src/main/java/fr/alize/local/demo/Story.java`, whose calls the demo makes and \
                `LauncherIT` checks on the launched suite, so what you read here is what is tested. Regenerate it \
                after changing the story:

                ```bash
                ./mvnw -pl deploy/local test -Dtest=WalkthroughTest -Dalize.walkthrough.write=true
                ```

                You need bash, curl, [jq](https://jqlang.github.io/jq/) and GNU `date`. Start the suite **without** \
                `--demo` on a fresh data directory (or with it, and skip the writes), then run the blocks in order \
                in one shell, from the repository root. Each call that returns something useful saves it in a \
                temporary file, `$ANSWER`, and keeps the ids it needs in shell variables. The services answer errors as \
                `application/problem+json`, naming the field at fault.

                ```bash
                alize() { java -jar deploy/local/target/alize-local.jar "$@"; }
                ANSWER=$(mktemp)
                ```
                """);
        for (Chapter chapter : Story.chapters()) {
            md.append("\n## ").append(chapter.title()).append("\n\n").append(chapter.text()).append("\n\n```bash\n");
            boolean afterCall = false;
            for (Step step : chapter.steps()) {
                if (step instanceof Let let) {
                    md.append(let.name()).append('=').append(shell(let.value(), serviceUrls)).append('\n');
                } else if (step instanceof Call call) {
                    md.append(afterCall ? "\n" : "").append(curl(call));
                    afterCall = true;
                }
            }
            md.append("```\n");
        }
        md.append("""

                The dashboard draws the same figures; this prints its address with the analyst token in it:

                ```bash
                echo "${IMPACT}/dashboard/#token=${ANALYST}"
                ```
                """);
        return md.toString();
    }

    private static String curl(Call call) {
        StringBuilder sh = new StringBuilder("# ").append(call.says()).append('\n');
        if (call.until() != null) {
            sh.append("# (repeat until ").append(call.until().description())
                    .append(": the events reach the other services through Kafka)\n");
        }
        sh.append("curl -sS");
        if (!call.method().equals("GET")) {
            sh.append(" -X ").append(call.method());
        }
        sh.append(" \"${").append(call.service()).append('}').append(call.path()).append('"')
                .append(" \\\n  -H \"Authorization: Bearer ${").append(call.token()).append("}\"");
        if (call.contentType() != null) {
            sh.append(" -H 'Content-Type: ").append(call.contentType()).append('\'');
        }
        boolean captures = !call.captures().isEmpty();
        if (captures) {
            sh.append(" -o ").append(ANSWER);
        } else if (call.firstExpected() == 204) {
            sh.append(" -w '%{http_code}\\n'");
        }
        if (call.body() != null) {
            sh.append(" --data-binary @- <<EOF");
        }
        if (!captures && call.firstExpected() != 204) {
            sh.append(" | jq .");
        }
        sh.append('\n');
        if (call.body() != null) {
            sh.append(call.body()).append("\nEOF\n");
        }
        if (captures) {
            sh.append("jq . ").append(ANSWER).append('\n');
            call.captures().forEach(c -> sh.append(c.variable()).append("=$(jq -r '").append(c.path()).append("' ")
                    .append(ANSWER).append(")\n"));
        }
        return sh.toString();
    }

    private static String shell(Step.Value value, Map<String, String> serviceUrls) {
        if (value instanceof Literal literal) {
            return literal.text();
        } else if (value instanceof ServiceUrl url) {
            return serviceUrls.get(url.service());
        } else if (value instanceof Day day) {
            String format = day.yearOnly() ? "+%Y" : "+%F";
            int n = day.daysFromToday();
            return n == 0 ? "$(date " + format + ")"
                    : "$(date -d '" + (n < 0 ? -n + (n == -1 ? " day ago" : " days ago") : "+" + n + " days") + "' " + format + ")";
        } else if (value instanceof Token token) {
            return "$(alize token --role " + token.role()
                    + (token.tenantVariable() == null ? "" : " --tenant \"${" + token.tenantVariable() + "}\"") + ")";
        }
        throw new IllegalArgumentException("unknown value " + value);
    }
}
