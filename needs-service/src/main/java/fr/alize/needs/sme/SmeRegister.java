package fr.alize.needs.sme;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.platform.web.Page;
import fr.alize.needs.sme.SmeViews.Contact;
import fr.alize.needs.sme.SmeViews.EmploymentView;
import fr.alize.needs.sme.SmeViews.HeadcountView;
import fr.alize.needs.sme.SmeViews.JobReportView;
import fr.alize.needs.sme.SmeViews.SmeView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SMEs as the read model holds them, their SIRET reservations and their contact persons. */
@Singleton
public class SmeRegister {

    private static final String SELECT_SME = """
            SELECT s.*, c.name AS contact_name, c.email AS contact_email, c.phone AS contact_phone
            FROM sme s LEFT JOIN sme_contact c ON c.sme_id = s.sme_id""";

    @Inject
    Jdbc jdbc;

    /**
     * Reserves a SIRET for an SME, within the caller's transaction. A concurrent reservation of the same SIRET waits
     * for ours to end (unique key) and then finds it taken; if ours rolls back, the SIRET is free again.
     *
     * @return false when the SIRET is already taken
     */
    public boolean reserveSiret(String siret, String smeId) {
        return jdbc.update("INSERT INTO sme_siret (siret, sme_id) VALUES (?, ?) ON CONFLICT DO NOTHING", siret, smeId) == 1;
    }

    public void saveContact(String smeId, Contact contact) {
        jdbc.update("""
                INSERT INTO sme_contact (sme_id, name, email, phone) VALUES (?, ?, ?, ?)
                ON CONFLICT (sme_id) DO UPDATE SET name = excluded.name, email = excluded.email,
                                                   phone = excluded.phone, updated_at = now()""",
                smeId, contact.name(), contact.email(), contact.phone());
    }

    /** @return whether there was a contact to erase */
    public boolean eraseContact(String smeId) {
        return jdbc.update("DELETE FROM sme_contact WHERE sme_id = ?", smeId) == 1;
    }

    public Optional<Contact> contact(String smeId) {
        return jdbc.one("SELECT name, email, phone FROM sme_contact WHERE sme_id = ?",
                row -> new Contact(row.getString("name"), row.getString("email"), row.getString("phone")), smeId);
    }

    public Optional<SmeStatus> status(String smeId) {
        return jdbc.one("SELECT status FROM sme WHERE sme_id = ?", row -> SmeStatus.valueOf(row.getString(1)), smeId);
    }

    public Optional<SmeView> find(String smeId) {
        return jdbc.one(SELECT_SME + " WHERE s.sme_id = ?", SmeRegister::sme, smeId);
    }

    /** SMEs in application order, optionally of one status. */
    public Page<SmeView> list(SmeStatus status, int page, int size) {
        String where = " WHERE (CAST(? AS VARCHAR) IS NULL OR s.status = ?)";
        String wanted = status == null ? null : status.name();
        List<SmeView> items = jdbc.list(SELECT_SME + where + " ORDER BY s.applied_at, s.sme_id LIMIT ? OFFSET ?",
                SmeRegister::sme, wanted, wanted, size, (long) page * size);
        long total = jdbc.count("SELECT count(*) FROM sme s" + where, wanted, wanted);
        return new Page<>(items, page, size, total);
    }

    public Optional<EmploymentView> employment(String smeId) {
        return find(smeId).map(sme -> {
            List<HeadcountView> headcounts = jdbc.list(
                    "SELECT date, headcount FROM headcount_declaration WHERE sme_id = ? ORDER BY date, position",
                    row -> new HeadcountView(row.getObject("date", LocalDate.class), row.getInt("headcount")),
                    smeId);
            List<JobReportView> reports = jdbc.list("""
                    SELECT report_id, date, count, kind, contract_type FROM job_report WHERE sme_id = ?
                    ORDER BY date, position""",
                    row -> new JobReportView(row.getString("report_id"), row.getObject("date", LocalDate.class),
                            row.getInt("count"), JobKind.valueOf(row.getString("kind")),
                            ContractType.valueOf(row.getString("contract_type"))),
                    smeId);
            long created = reports.stream().filter(r -> r.kind() == JobKind.CREATED).mapToLong(JobReportView::count).sum();
            long preserved = reports.stream().filter(r -> r.kind() == JobKind.PRESERVED).mapToLong(JobReportView::count).sum();
            return new EmploymentView(smeId, sme.baselineHeadcount(), sme.headcount(),
                    sme.status() == SmeStatus.APPROVED ? sme.decidedOn() : null, headcounts, reports, created, preserved);
        });
    }

    private static SmeView sme(ResultSet row) throws SQLException {
        String contactName = row.getString("contact_name");
        Contact contact = contactName == null ? null
                : new Contact(contactName, row.getString("contact_email"), row.getString("contact_phone"));
        return new SmeView(row.getString("sme_id"), row.getString("siret"), row.getString("name"),
                row.getString("naf_code"), row.getString("commune_code"), row.getInt("baseline_headcount"),
                row.getInt("headcount"), row.getInt("hiring_plan_jobs"), SmeStatus.valueOf(row.getString("status")),
                row.getString("decision_reason"), row.getObject("decided_on", LocalDate.class),
                row.getTimestamp("applied_at").toInstant(), contact);
    }
}
