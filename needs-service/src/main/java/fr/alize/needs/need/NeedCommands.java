package fr.alize.needs.need;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Commands of the need aggregate. */
public final class NeedCommands {

    private NeedCommands() {
    }

    public record PublishNeed(@TargetAggregateIdentifier String needId, String smeId, NeedCategory category,
                              String title, String description, BigDecimal effortDays) {
    }

    /** @param actingSmeId the SME the caller acts for, or null for the CCI (which acts on every need) */
    public record AmendNeed(@TargetAggregateIdentifier String needId, String actingSmeId, String title,
                            String description, BigDecimal effortDays) {
    }
}
