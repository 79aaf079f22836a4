package fr.alize.impact.figures;

/**
 * The figures kept in the read model, each a series of values in recording time per (year, key); what the three
 * measures of a row ({@link Measures}: v1, v2, n) mean for each.
 */
public enum Figure {
    /** Per year (of the start date), key "": n = SMEs with at least one mission started in the year. */
    SUPPORTED,
    /** Per year, key = month "01".."12": n = SMEs whose first mission start of the year is in that month. */
    FIRST_MONTH,
    /** Year 0, key = start day (ISO): n = missions started that day. */
    STARTS_DAY,
    /** {@link #STARTS_DAY} summed per month, key = "yyyy-MM". */
    STARTS_MONTH,
    /** Year 0, key = start day (ISO): n = SMEs with a mission started that day. */
    SME_DAYS,
    /** {@link #SME_DAYS} summed per month (SMEs and start days counted as pairs), key = "yyyy-MM". */
    SME_MONTHS,
    /**
     * Year 0, key = "p|q" for two days p &lt; q on which an SME had missions start and none in between: n = SMEs.
     * With {@link #SME_DAYS} it counts the SMEs with a start in any period: their start days in it, minus the pairs of
     * consecutive start days both in it.
     */
    SME_GAPS,
    /**
     * Per year (of the report date), key "total", "naf:X", "commune:X", "epci:X" or "contract:X": v1 = jobs created,
     * v2 = jobs preserved, n = job reports.
     */
    JOBS,
    /** Year 0, key = report day (ISO): v1 = jobs created, v2 = jobs preserved, n = job reports. */
    JOBS_DAY,
    /** {@link #JOBS_DAY} summed per month, key = "yyyy-MM". */
    JOBS_MONTH,
    /**
     * Per year from which it counts, key "": the change that year brings to the headcount figures of every later
     * year (sum the rows up to a year): v1 = enrolment headcount, v2 = latest declared headcount, n = SMEs.
     */
    HEADCOUNT,
    /** Per year (of the entry date), key "" (all partners) or the partner id: v1 = hours, n = time entries. */
    HOURS;

    /**
     * The month rollup of a day series (year 0, key = ISO day), so that a sum over a long period reads a row per
     * month and only the days of the months it covers in part.
     */
    public Figure months() {
        return switch (this) {
            case STARTS_DAY -> STARTS_MONTH;
            case SME_DAYS -> SME_MONTHS;
            case JOBS_DAY -> JOBS_MONTH;
            default -> throw new IllegalArgumentException(this + " is not a day series");
        };
    }
}
