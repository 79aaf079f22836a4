package fr.alize.needs.sme;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.needs.sme.SmeEvents.HeadcountDeclared;
import fr.alize.needs.sme.SmeEvents.JobsReported;
import fr.alize.needs.sme.SmeEvents.SmeApplied;
import fr.alize.needs.sme.SmeEvents.SmeApproved;
import fr.alize.needs.sme.SmeEvents.SmeProfileUpdated;
import fr.alize.needs.sme.SmeEvents.SmeRejected;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;
import java.time.LocalDate;

/** Keeps the {@code sme}, {@code headcount_declaration} and {@code job_report} tables, in the events' transaction. */
@Singleton
public class SmeProjection {

    @Inject
    Jdbc jdbc;

    @EventHandler
    void on(SmeApplied event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO sme (sme_id, siret, name, naf_code, commune_code, baseline_headcount, headcount,
                                 hiring_plan_jobs, status, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.smeId(), event.siret(), event.name(), event.nafCode(), event.communeCode(), event.headcount(),
                event.headcount(), event.hiringPlanJobs(), SmeStatus.APPLIED, java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(SmeApproved event) {
        decided(event.smeId(), SmeStatus.APPROVED, event.reason(), event.decidedOn());
    }

    @EventHandler
    void on(SmeRejected event) {
        decided(event.smeId(), SmeStatus.REJECTED, event.reason(), event.decidedOn());
    }

    private void decided(String smeId, SmeStatus status, String reason, LocalDate on) {
        jdbc.update("UPDATE sme SET status = ?, decision_reason = ?, decided_on = ? WHERE sme_id = ?",
                status, reason, on, smeId);
    }

    @EventHandler
    void on(SmeProfileUpdated event) {
        jdbc.update("""
                UPDATE sme SET name = COALESCE(?, name), naf_code = COALESCE(?, naf_code),
                               commune_code = COALESCE(?, commune_code), headcount = COALESCE(?, headcount)
                WHERE sme_id = ?""",
                event.name(), event.nafCode(), event.communeCode(), event.headcount(), event.smeId());
    }

    @EventHandler
    void on(HeadcountDeclared event, EventMessage<?> message) {
        // the latest declaration by date is the current headcount (the baseline never moves)
        jdbc.update("""
                UPDATE sme SET headcount = ? WHERE sme_id = ?
                  AND NOT EXISTS (SELECT 1 FROM headcount_declaration WHERE sme_id = ? AND date > ?)""",
                event.headcount(), event.smeId(), event.smeId(), event.date());
        jdbc.update("INSERT INTO headcount_declaration (event_id, sme_id, date, headcount) VALUES (?, ?, ?, ?)",
                message.getIdentifier(), event.smeId(), event.date(), event.headcount());
    }

    @EventHandler
    void on(JobsReported event) {
        jdbc.update("""
                INSERT INTO job_report (report_id, sme_id, date, count, kind, contract_type)
                VALUES (?, ?, ?, ?, ?, ?)""",
                event.reportId(), event.smeId(), event.date(), event.count(), event.kind(), event.contractType());
    }
}
