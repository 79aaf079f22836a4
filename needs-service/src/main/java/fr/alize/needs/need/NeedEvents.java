package fr.alize.needs.need;

import java.math.BigDecimal;

/** Events of the need aggregate; their JSON shape is the contract in docs/events/needs/. */
public final class NeedEvents {

    private NeedEvents() {
    }

    public record NeedPublished(String needId, String smeId, NeedCategory category, String title, String description,
                                BigDecimal effortDays) {
    }

    public record NeedAmended(String needId, String smeId, String title, String description, BigDecimal effortDays) {
    }
}
