package fr.alize.platform.errors;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The known ids closest to an id that is not known, to suggest in a 400 ("did you mean ..."): ranked by edit
 * distance (Levenshtein, case-insensitive on the unknown id), ties by id.
 */
public final class NearestIds {

    /** How many ids an error message suggests. */
    public static final int SUGGESTIONS = 3;

    private NearestIds() {
    }

    public static List<String> nearest(String unknown, Collection<String> known) {
        return nearest(unknown, known, SUGGESTIONS);
    }

    public static List<String> nearest(String unknown, Collection<String> known, int limit) {
        String wanted = unknown == null ? "" : unknown.toLowerCase();
        return known.stream()
                .sorted(Comparator.comparingInt((String id) -> distance(wanted, id)).thenComparing(id -> id))
                .limit(limit)
                .toList();
    }

    /** The number of single-character insertions, deletions and substitutions that turn one text into the other. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
