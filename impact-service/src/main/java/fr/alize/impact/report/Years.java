package fr.alize.impact.report;

import fr.alize.platform.errors.InvalidInputException;

/** Years the reports accept. */
public final class Years {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private Years() {
    }

    public static int check(String field, int year) {
        if (year < FIRST || year > LAST) {
            throw new InvalidInputException(field, "must be a year between " + FIRST + " and " + LAST);
        }
        return year;
    }
}
