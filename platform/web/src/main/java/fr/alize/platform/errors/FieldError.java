package fr.alize.platform.errors;

/** One field at fault in a request: its JSON path (such as {@code skills[0].level}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
