package fr.alize.testing.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization matrix written in {@code docs/security.md}: one row per operation of every service, one column per
 * kind of caller. A cell says what that caller gets: {@code ok} (allowed), {@code own} (allowed on its own tenant
 * only; another tenant's gets 403), {@code 403} or {@code 401}.
 */
public final class AuthorizationMatrix {

    public static final List<String> CALLERS = List.of("anonymous", "cci", "sme", "partner-hr", "volunteer", "analyst");
    private static final String HEADER = "| service | operation | " + String.join(" | ", CALLERS) + " |";

    private final Map<String, Map<String, String>> rows; // "POST /needs" -> caller -> cell

    private AuthorizationMatrix(Map<String, Map<String, String>> rows) {
        this.rows = rows;
    }

    public static AuthorizationMatrix load(Path securityDoc, String service) {
        try {
            List<String> lines = Files.readAllLines(securityDoc);
            int header = lines.indexOf(HEADER);
            if (header < 0) {
                throw new IllegalStateException(securityDoc + " has no table headed " + HEADER);
            }
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(header + 2, lines.size())) {
                if (!line.startsWith("|")) {
                    break;
                }
                List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                        .map(cell -> cell.trim().replace("`", "")).toList();
                if (cells.size() != CALLERS.size() + 2) {
                    throw new IllegalStateException("malformed row in " + securityDoc + ": " + line);
                }
                if (cells.get(0).equals(service)) {
                    Map<String, String> outcome = new LinkedHashMap<>();
                    for (int i = 0; i < CALLERS.size(); i++) {
                        outcome.put(CALLERS.get(i), cells.get(i + 2));
                    }
                    rows.put(cells.get(1), outcome);
                }
            }
            return new AuthorizationMatrix(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Map<String, String>> rows() {
        return rows;
    }
}
