package fr.alize.local.demo;

import fr.alize.local.demo.Step.Call;
import fr.alize.local.demo.Step.Chapter;
import fr.alize.local.demo.Step.Let;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code docs/walkthrough.md} is the story's calls as curl commands, and those commands are valid bash. */
class WalkthroughTest {

    private static final Path DOC = Path.of(System.getProperty("alize.home", "../..")).resolve("docs/walkthrough.md");
    private static final Map<String, String> DEFAULT_URLS = Map.of("needs-service", "http://127.0.0.1:8081",
            "volunteer-service", "http://127.0.0.1:8082", "matching-service", "http://127.0.0.1:8083",
            "impact-service", "http://127.0.0.1:8084");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @Test
    void theDocumentIsWhatTheStoryRenders() throws IOException {
        String rendered = Walkthrough.render(DEFAULT_URLS);
        if (Boolean.getBoolean("alize.walkthrough.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), DOC + " is missing; write it with -Dalize.walkthrough.write=true");
        assertEquals(rendered, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/walkthrough.md is not what Story.java renders; regenerate it: "
                        + "./mvnw -pl deploy/local test -Dtest=WalkthroughTest -Dalize.walkthrough.write=true");
    }

    @Test
    void everyVariableIsSetBeforeItIsUsed() {
        Set<String> set = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Chapter chapter : Story.chapters()) {
            for (Step step : chapter.steps()) {
                if (step instanceof Let let) {
                    if (let.value() instanceof Step.Token token && token.tenantVariable() != null && !set.contains(token.tenantVariable())) {
                        problems.add(let.name() + " uses " + token.tenantVariable());
                    }
                    set.add(let.name());
                } else if (step instanceof Call call) {
                    String used = String.join(" ", "${" + call.service() + "}", "${" + call.token() + "}", call.path(),
                            Objects.toString(call.body(), ""),
                            call.done() == null ? "" : call.done().path() + " ${" + call.done().token() + "}");
                    Matcher m = VARIABLE.matcher(used);
                    while (m.find()) {
                        if (!set.contains(m.group(1))) {
                            problems.add("'" + call.says() + "' uses " + m.group(1));
                        }
                    }
                    call.captures().forEach(c -> set.add(c.variable()));
                }
            }
        }
        assertEquals(List.of(), problems, "variables used before they are set");
    }

    @Test
    void theCommandsAreValidBash() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "no /bin/bash to check the walkthrough's syntax with");
        StringBuilder script = new StringBuilder();
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(Walkthrough.render(DEFAULT_URLS));
        int blocks = 0;
        while (block.find()) {
            script.append(block.group(1)).append('\n');
            blocks++;
        }
        assertTrue(blocks > Story.chapters().size(), "one bash block per chapter at least");
        Process check = new ProcessBuilder(bash.toString(), "-n").redirectErrorStream(true).start();
        check.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), "bash -n: " + output);
    }
}
