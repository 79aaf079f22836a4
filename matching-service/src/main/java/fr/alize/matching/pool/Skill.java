package fr.alize.matching.pool;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A skill held or wanted, at a level from 1 (beginner) up. Events may say the level as a number or as a word
 * (BEGINNER, INTERMEDIATE, ADVANCED, EXPERT); both are read.
 */
public record Skill(String skillId, int level) {

    public static List<Skill> listFrom(JsonNode array) {
        List<Skill> skills = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode node : array) {
                String id = node.path("skillId").asText(null);
                if (id != null) {
                    skills.add(new Skill(id, level(node.path("level"))));
                }
            }
        }
        return List.copyOf(skills);
    }

    static int level(JsonNode level) {
        if (level.isNumber()) {
            return Math.max(1, level.asInt());
        }
        return switch (level.asText("").toUpperCase(Locale.ROOT)) {
            case "BEGINNER", "NOVICE", "BASIC" -> 1;
            case "INTERMEDIATE", "CONFIRMED" -> 2;
            case "ADVANCED" -> 3;
            case "EXPERT" -> 4;
            default -> {
                try {
                    yield Math.max(1, Integer.parseInt(level.asText("1")));
                } catch (NumberFormatException e) {
                    yield 1;
                }
            }
        };
    }
}
