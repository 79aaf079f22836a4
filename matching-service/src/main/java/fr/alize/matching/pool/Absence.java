package fr.alize.matching.pool;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A period, both days included, in which a volunteer is not available. */
public record Absence(LocalDate from, LocalDate to) {

    public static List<Absence> listFrom(JsonNode array) {
        List<Absence> absences = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode node : array) {
                LocalDate from = date(node.path("from"));
                LocalDate to = date(node.path("to"));
                if (from != null) {
                    absences.add(new Absence(from, to == null ? from : to));
                }
            }
        }
        return List.copyOf(absences);
    }

    static LocalDate date(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? LocalDate.parse(node.asText()) : null;
    }
}
