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
    /** Year 0, key = start day (ISO): n = SMEs with a mission started that day. */
    SME_DAYS,
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
    /**
     * Per year from which it counts, key "": the change that year brings to the headcount figures of every later
     * year (sum the rows up to a year): v1 = enrolment headcount, v2 = latest declared headcount, n = SMEs.
     */
    HEADCOUNT,
    /** Per year (of the entry date), key "" (all partners) or the partner id: v1 = hours, n = time entries. */
    HOURS
}
