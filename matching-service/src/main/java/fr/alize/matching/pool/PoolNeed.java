package fr.alize.matching.pool;

import java.time.LocalDate;
import java.util.List;

/** A need as the pool knows it. {@code status} is OPEN, MATCHED or CLOSED; window dates may be null. */
public record PoolNeed(String needId, String smeId, String status, List<Skill> skills, double effortDays,
                       LocalDate windowStart, LocalDate windowEnd, String communeCode) {

    public static final String OPEN = "OPEN";

    public boolean open() {
        return OPEN.equals(status);
    }
}
