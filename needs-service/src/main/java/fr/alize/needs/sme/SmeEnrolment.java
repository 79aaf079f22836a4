package fr.alize.needs.sme;

import fr.alize.domain.NotPermitted;
import fr.alize.domain.RuleViolation;
import fr.alize.needs.infrastructure.Ids;
import fr.alize.needs.sme.SmeCommands.ApplySme;
import fr.alize.needs.sme.SmeCommands.DeclareHeadcount;
import fr.alize.needs.sme.SmeCommands.DecideOnApplication;
import fr.alize.needs.sme.SmeCommands.EraseSmeContact;
import fr.alize.needs.sme.SmeCommands.ReportJobs;
import fr.alize.needs.sme.SmeCommands.UpdateSmeProfile;
import fr.alize.needs.sme.SmeViews.Contact;
import fr.alize.needs.sme.SmeViews.EmploymentView;
import fr.alize.needs.sme.SmeViews.SmeView;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.web.Page;
import fr.alize.programme.Tenant;
import fr.alize.programme.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An SME's path through the programme, on behalf of the caller: its application (one per SIRET), the committee's
 * decision, its profile and contact person, and the employment it declares. The CCI acts on every SME, an SME on
 * itself only ({@link TenantGuard}); the contact person is kept beside the aggregate, in the same transaction.
 */
@ApplicationScoped
public class SmeEnrolment {

    /** What an application says; {@code smeId} may be null (the CCI lets us choose it). */
    public record Application(String smeId, String siret, String name, String nafCode, String communeCode,
                              int headcount, int hiringPlanJobs, Contact contact) {
    }

    /** A profile change: what is null stays as it is. */
    public record ProfileChange(String name, String nafCode, String communeCode, Integer headcount, Contact contact) {
    }

    @Inject
    Commands commands;
    @Inject
    TenantGuard tenants;
    @Inject
    SmeRegister register;

    /** Records the application and its contact person; the SME's id. 409 when the SIRET (or the id) already applied. */
    @Transactional
    public String apply(Application application) {
        String smeId = smeFor(application.smeId());
        if (!register.reserveSiret(application.siret(), smeId)) {
            throw new RuleViolation("An SME with this SIRET, or with this id, has already applied.");
        }
        commands.send(new ApplySme(smeId, application.siret(), application.name().strip(), Ids.upper(application.nafCode()),
                Ids.upper(application.communeCode()), application.headcount(), application.hiringPlanJobs()));
        register.saveContact(smeId, application.contact());
        return smeId;
    }

    public Page<SmeView> list(SmeStatus status, int page, int size) {
        return register.list(status, page, size);
    }

    public SmeView get(String smeId) {
        return register.find(own(smeId)).orElseThrow(SmeEnrolment::noSuchSme);
    }

    public void decide(String smeId, Decision decision, String reason) {
        commands.send(new DecideOnApplication(Ids.lower(smeId), decision, reason.strip()));
    }

    @Transactional
    public void updateProfile(String smeId, ProfileChange change) {
        String id = own(smeId);
        Contact contact = change.contact();
        boolean contactUpdated = contact != null && !contact.equals(register.contact(id).orElse(null));
        commands.send(new UpdateSmeProfile(id, change.name() == null ? null : change.name().strip(),
                Ids.upper(change.nafCode()), Ids.upper(change.communeCode()), change.headcount(), contactUpdated));
        if (contactUpdated) {
            register.saveContact(id, contact);
        }
    }

    /** Deletes the contact person for good and records it; erasing again records nothing. */
    @Transactional
    public void eraseContact(String smeId) {
        String id = own(smeId);
        if (register.status(id).isEmpty()) {
            throw noSuchSme();
        }
        if (register.eraseContact(id)) {
            commands.send(new EraseSmeContact(id));
        }
    }

    public void declareHeadcount(String smeId, LocalDate date, int headcount) {
        commands.send(new DeclareHeadcount(own(smeId), date, headcount));
    }

    /** Records a job report; its id. */
    public String reportJobs(String smeId, LocalDate date, int count, JobKind kind, ContractType contractType) {
        String reportId = UUID.randomUUID().toString();
        commands.send(new ReportJobs(own(smeId), reportId, date, count, kind, contractType));
        return reportId;
    }

    public EmploymentView employment(String smeId) {
        return register.employment(own(smeId)).orElseThrow(SmeEnrolment::noSuchSme);
    }

    /** The SME a caller may act on: any for the CCI; only its own for an SME token (403 otherwise, existing or not). */
    private String own(String smeId) {
        String id = Ids.lower(smeId);
        tenants.require(Tenant.SME, id);
        return id;
    }

    /** The CCI may choose the new SME's id or let us; an SME token applies for the SME it names. */
    private String smeFor(String requested) {
        if (tenants.actsOnAll()) {
            return requested == null ? UUID.randomUUID().toString() : Ids.lower(requested);
        }
        String own = tenants.ownOrRefuse(Tenant.SME);
        if (requested != null && !Ids.lower(requested).equals(own)) {
            throw new NotPermitted();
        }
        return own;
    }

    private static NotFoundException noSuchSme() {
        return new NotFoundException("No such SME.");
    }
}
