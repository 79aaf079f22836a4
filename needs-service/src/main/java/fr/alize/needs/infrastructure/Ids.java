package fr.alize.needs.infrastructure;

/** Code formats shared by the resources (UUID ids: {@link fr.alize.platform.web.Uuids}). */
public final class Ids {

    /** INSEE commune code: 5 characters, Corsica's departments 2A and 2B included. */
    public static final String COMMUNE_PATTERN = "^(?i)([0-9]{2}|2[AB])[0-9]{3}$";
    public static final String COMMUNE_MESSAGE = "must be an INSEE commune code (5 characters, e.g. 59606)";

    private Ids() {
    }

    /** Ids and codes are kept in one case: UUIDs in lower case, codes in upper case. */
    public static String lower(String id) {
        return id == null ? null : id.toLowerCase();
    }

    public static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase();
    }
}
