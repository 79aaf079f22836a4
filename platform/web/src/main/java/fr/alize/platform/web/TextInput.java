package fr.alize.platform.web;

import java.util.Optional;

/**
 * What text an Alize API accepts, in every free-text field of a request body and in every query, path or header
 * value it reads. Refused, wherever it stands in the value:
 * <ul>
 *   <li>the C0 controls U+0000 to U+001F, except tab (U+0009), line feed (U+000A), and carriage return (U+000D) when a
 *       line feed follows it (a CRLF line end from a Windows client);</li>
 *   <li>DEL (U+007F) and the C1 controls U+0080 to U+009F;</li>
 *   <li>a lone surrogate (a UTF-16 half that is not part of a pair, such as the JSON escape {@code \ud800} alone);</li>
 *   <li>the 66 Unicode noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane, U+FFFE and
 *       U+FFFF among them).</li>
 * </ul>
 * PostgreSQL cannot store U+0000 in {@code text} or {@code jsonb}, nor a lone surrogate in {@code jsonb}; the other
 * controls survive storage but break logs, CSV exports and terminals downstream, and no field of ours needs them.
 * The message never repeats the value, which may be personal data; it names the first offending character's code
 * point and position.
 */
public final class TextInput {

    /** Longest string a request body may carry in any field, whatever its own bound (which is usually far lower). */
    public static final int MAX_CHARS = 10_000;

    private TextInput() {
    }

    /** Why {@code value} is refused, or empty when it is acceptable text. */
    public static Optional<String> problemWith(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                if (c == '\t' || c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n')) {
                    continue;
                }
                return refused(c, i);
            }
            if (c >= 0x7F && c <= 0x9F) {
                return refused(c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                    if (isNoncharacter(codePoint)) {
                        return refused(codePoint, i);
                    }
                    i++;
                    continue;
                }
                return loneSurrogate(c, i);
            }
            if (Character.isLowSurrogate(c)) {
                return loneSurrogate(c, i);
            }
            if (isNoncharacter(c)) {
                return refused(c, i);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #problemWith(String)}, and also refuses a value longer than {@link #MAX_CHARS}. */
    public static Optional<String> problemWithField(String value) {
        if (value != null && value.length() > MAX_CHARS) {
            return Optional.of("must be at most " + MAX_CHARS + " characters");
        }
        return problemWith(value);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static Optional<String> refused(int codePoint, int index) {
        String what = codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F) ? "a control character" : "a noncharacter";
        return Optional.of("must not contain " + what + " (U+" + hex(codePoint) + " at position " + (index + 1) + ")");
    }

    private static Optional<String> loneSurrogate(char c, int index) {
        return Optional.of("must not contain a lone surrogate (U+" + hex(c) + " at position " + (index + 1) + ")");
    }

    private static String hex(int codePoint) {
        return String.format("%04X", codePoint);
    }
}
