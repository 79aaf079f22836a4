package fr.alize.needs.skills;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A taxonomy version, {@code YYYY.N} as the contract says, ordered by year then number (2026.10 after 2026.9). */
record TaxonomyVersion(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})\\.([0-9]{1,9})");

    static Optional<TaxonomyVersion> parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TaxonomyVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }
}
