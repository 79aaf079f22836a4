package fr.alize.impact.employment;

/** The NAF rév. 2 section (A to U) of a NAF code, from its division (its first two digits). */
public final class NafSections {

    public static final String UNKNOWN = "UNKNOWN";

    /** Upper bound (inclusive) of each section's divisions, in section order A..U. */
    private static final int[] LAST_DIVISION = {3, 9, 33, 35, 39, 43, 47, 53, 56, 63, 66, 68, 75, 82, 84, 85, 88, 93, 96, 98, 99};
    private static final int[] FIRST_DIVISION = {1, 5, 10, 35, 36, 41, 45, 49, 55, 58, 64, 68, 69, 77, 84, 85, 86, 90, 94, 97, 99};

    private NafSections() {
    }

    /** {@code "47.76Z"} → {@code "G"}; {@link #UNKNOWN} when the code has no valid division. */
    public static String of(String nafCode) {
        if (nafCode == null || nafCode.length() < 2 || !Character.isDigit(nafCode.charAt(0))
                || !Character.isDigit(nafCode.charAt(1))) {
            return UNKNOWN;
        }
        int division = Integer.parseInt(nafCode.substring(0, 2));
        for (int section = 0; section < LAST_DIVISION.length; section++) {
            if (division >= FIRST_DIVISION[section] && division <= LAST_DIVISION[section]) {
                return String.valueOf((char) ('A' + section));
            }
        }
        return UNKNOWN;
    }
}
