package fr.alize.volunteer.partner;

import java.math.BigDecimal;

/** Events of the partner company aggregate; their JSON shape is the contract in docs/events/volunteers/. */
public final class PartnerEvents {

    private PartnerEvents() {
    }

    public record PartnerEnrolled(String partnerId, String name, String group, String site, String communeCode) {
    }

    public record PartnerPledgeSet(String partnerId, int year, int pledgedDays, BigDecimal dailyRate) {
    }
}
