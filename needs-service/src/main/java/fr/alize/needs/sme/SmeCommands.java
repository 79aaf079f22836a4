package fr.alize.needs.sme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Commands of the SME aggregate. */
public final class SmeCommands {

    private SmeCommands() {
    }

    public record ApplySme(@TargetAggregateIdentifier String smeId, String siret, String name, String nafCode,
                           String communeCode, int headcount, int hiringPlanJobs) {
    }

    public record DecideOnApplication(@TargetAggregateIdentifier String smeId, Decision decision, String reason) {
    }

    /** Null fields are left as they are; {@code contactUpdated} says that the (event-less) contact changed. */
    public record UpdateSmeProfile(@TargetAggregateIdentifier String smeId, String name, String nafCode,
                                   String communeCode, Integer headcount, boolean contactUpdated) {
    }

    /** The contact person's data is being erased (the register deletes it in the same transaction). */
    public record EraseSmeContact(@TargetAggregateIdentifier String smeId) {
    }

    public record DeclareHeadcount(@TargetAggregateIdentifier String smeId, LocalDate date, int headcount) {
    }

    public record ReportJobs(@TargetAggregateIdentifier String smeId, String reportId, LocalDate date, int count,
                             JobKind kind, ContractType contractType) {
    }
}
