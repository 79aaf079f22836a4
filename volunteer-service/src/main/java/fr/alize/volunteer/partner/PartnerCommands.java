package fr.alize.volunteer.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Commands of the partner company aggregate. */
public final class PartnerCommands {

    private PartnerCommands() {
    }

    /** @param pledge the first year's pledge, or null */
    public record EnrolPartner(@TargetAggregateIdentifier String partnerId, String name, String group, String site,
                               String communeCode, Pledge pledge) {
    }

    public record SetPledge(@TargetAggregateIdentifier String partnerId, Pledge pledge) {
    }

    /** Volunteer days promised for a year, and the daily rate (EUR) that values the time given. */
    public record Pledge(int year, int pledgedDays, BigDecimal dailyRate) {
        boolean sameAs(Pledge other) {
            return other != null && year == other.year && pledgedDays == other.pledgedDays
                    && dailyRate.compareTo(other.dailyRate) == 0;
        }
    }
}
