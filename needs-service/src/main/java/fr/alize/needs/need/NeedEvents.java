package fr.alize.needs.need;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Events of the need aggregate; their JSON shape is the contract in docs/events/needs/. */
public final class NeedEvents {

    private NeedEvents() {
    }

    /** The events that carry a need's full details. */
    interface WithDetails {
        NeedCategory category();

        String title();

        String description();

        List<Skill> skills();

        BigDecimal effortDays();

        LocalDate windowStart();

        LocalDate windowEnd();

        String communeCode();

        default NeedDetails details() {
            return new NeedDetails(category(), title(), description(), skills(), effortDays(), windowStart(),
                    windowEnd(), communeCode());
        }
    }

    public record NeedPublished(String needId, String smeId, NeedCategory category, String title, String description,
                                List<Skill> skills, BigDecimal effortDays, LocalDate windowStart, LocalDate windowEnd,
                                String communeCode) implements WithDetails {

        static NeedPublished of(String needId, String smeId, NeedDetails d) {
            return new NeedPublished(needId, smeId, d.category(), d.title(), d.description(), d.skills(),
                    d.effortDays(), d.windowStart(), d.windowEnd(), d.communeCode());
        }
    }

    /** The need's full state after the change. */
    public record NeedAmended(String needId, String smeId, NeedCategory category, String title, String description,
                              List<Skill> skills, BigDecimal effortDays, LocalDate windowStart, LocalDate windowEnd,
                              String communeCode) implements WithDetails {

        static NeedAmended of(String needId, String smeId, NeedDetails d) {
            return new NeedAmended(needId, smeId, d.category(), d.title(), d.description(), d.skills(),
                    d.effortDays(), d.windowStart(), d.windowEnd(), d.communeCode());
        }
    }

    public record NeedWithdrawn(String needId, String smeId, String reason) {
    }

    public record NeedExpired(String needId, String smeId, LocalDate windowEnd) {
    }

    public record NeedMatched(String needId, String smeId, String missionId) {
    }

    public record NeedFulfilled(String needId, String smeId, String missionId) {
    }

    public record NeedReopened(String needId, String smeId, String missionId, String reason) {
    }
}
