package fr.alize.needs.sme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API answers about SMEs. */
public final class SmeViews {

    private SmeViews() {
    }

    /** The contact person: personal data, kept in its own table, never in an event. */
    public record Contact(String name, String email, String phone) {
    }

    public record SmeView(String smeId, String siret, String name, String nafCode, String communeCode,
                          int baselineHeadcount, int headcount, int hiringPlanJobs, SmeStatus status,
                          String decisionReason, LocalDate decidedOn, Instant appliedAt, Contact contact) {
    }

    public record HeadcountView(LocalDate date, int headcount) {
    }

    public record JobReportView(String reportId, LocalDate date, int count, JobKind kind, ContractType contractType) {
    }

    /** Employment follow-up: the baseline, every declaration and report in date order, and the totals reported. */
    public record EmploymentView(String smeId, int baselineHeadcount, int headcount, LocalDate approvedOn,
                                 List<HeadcountView> headcounts, List<JobReportView> jobReports,
                                 long jobsCreated, long jobsPreserved) {
    }
}
