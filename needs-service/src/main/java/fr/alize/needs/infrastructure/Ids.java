package fr.alize.needs.infrastructure;

/** Identifier formats shared by the resources. */
public final class Ids {

    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    public static final String UUID_MESSAGE = "must be a UUID";
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
