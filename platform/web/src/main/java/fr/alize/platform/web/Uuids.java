package fr.alize.platform.web;

/** The one id format of every Alize API: a UUID, validated with {@code @Pattern(regexp = PATTERN, message = MESSAGE)}. */
public final class Uuids {

    public static final String PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    public static final String MESSAGE = "must be a UUID";

    private Uuids() {
    }
}
