package fr.alize.needs.sme;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** Events of the SME aggregate; their JSON shape is the contract in docs/events/needs/. No personal data. */
public final class SmeEvents {

    private SmeEvents() {
    }

    public record SmeApplied(String smeId, String siret, String name, String nafCode, String communeCode,
                             int headcount, int hiringPlanJobs) {
    }

    public record SmeApproved(String smeId, String reason, LocalDate decidedOn) {
    }

    public record SmeRejected(String smeId, String reason, LocalDate decidedOn) {
    }

    /** Only the fields that changed are present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmeProfileUpdated(String smeId, String name, String nafCode, String communeCode, Integer headcount,
                                    boolean contactUpdated) {
    }

    /** The contact person's name and contact were erased (they were never in an event); a new contact may follow. */
    public record SmeContactErased(String smeId) {
    }

    public record HeadcountDeclared(String smeId, LocalDate date, int headcount) {
    }

    public record JobsReported(String smeId, String reportId, LocalDate date, int count, JobKind kind,
                               ContractType contractType) {
    }
}
