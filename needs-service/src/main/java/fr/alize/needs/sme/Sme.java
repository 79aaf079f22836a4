package fr.alize.needs.sme;

import fr.alize.domain.InvalidValue;
import fr.alize.domain.RuleViolation;
import fr.alize.needs.sme.SmeCommands.ApplySme;
import fr.alize.needs.sme.SmeCommands.DecideOnApplication;
import fr.alize.needs.sme.SmeCommands.DeclareHeadcount;
import fr.alize.needs.sme.SmeCommands.EraseSmeContact;
import fr.alize.needs.sme.SmeCommands.ReportJobs;
import fr.alize.needs.sme.SmeCommands.UpdateSmeProfile;
import fr.alize.needs.sme.SmeEvents.HeadcountDeclared;
import fr.alize.needs.sme.SmeEvents.JobsReported;
import fr.alize.needs.sme.SmeEvents.SmeApplied;
import fr.alize.needs.sme.SmeEvents.SmeApproved;
import fr.alize.needs.sme.SmeEvents.SmeContactErased;
import fr.alize.needs.sme.SmeEvents.SmeProfileUpdated;
import fr.alize.needs.sme.SmeEvents.SmeRejected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A beneficiary company, from its application through the committee's decision to its employment follow-up.
 * SIRET uniqueness across SMEs is not this aggregate's business: {@link SmeRegister} reserves the SIRET in the
 * transaction that appends {@link SmeApplied}.
 */
public class Sme {

    /** An SME has fewer than 250 employees when it applies. */
    static final int MAX_HEADCOUNT_AT_APPLICATION = 249;

    @AggregateIdentifier
    private String smeId;
    private SmeStatus status;
    private String name;
    private String nafCode;
    private String communeCode;
    private int headcount;
    private LocalDate approvedOn;
    private LocalDate lastDeclaredOn;

    protected Sme() {
        // for Axon
    }

    @CommandHandler
    public Sme(ApplySme command) {
        if (!Siret.isValid(command.siret())) {
            throw new InvalidValue("siret", "must be 14 digits with a valid checksum");
        }
        if (command.headcount() < 0 || command.headcount() > MAX_HEADCOUNT_AT_APPLICATION) {
            throw new InvalidValue("headcount", "must be between 0 and " + MAX_HEADCOUNT_AT_APPLICATION + " for an SME");
        }
        if (command.hiringPlanJobs() < 0) {
            throw new InvalidValue("hiringPlanJobs", "must not be negative");
        }
        apply(new SmeApplied(command.smeId(), command.siret(), command.name(), command.nafCode(), command.communeCode(),
                command.headcount(), command.hiringPlanJobs()));
    }

    @CommandHandler
    public void handle(DecideOnApplication command, Clock clock) {
        if (status != SmeStatus.APPLIED) {
            throw new RuleViolation("The application was already decided: the SME is " + status + ".");
        }
        LocalDate today = LocalDate.now(clock);
        apply(command.decision() == Decision.APPROVED
                ? new SmeApproved(smeId, command.reason(), today)
                : new SmeRejected(smeId, command.reason(), today));
    }

    /** Records only what changed; a change of nothing records nothing. */
    @CommandHandler
    public void handle(UpdateSmeProfile command) {
        if (status == SmeStatus.REJECTED) {
            throw new RuleViolation("The application was rejected; its profile can no longer change.");
        }
        if (command.headcount() != null && command.headcount() < 0) {
            throw new InvalidValue("headcount", "must not be negative");
        }
        String newName = changed(name, command.name());
        String newNaf = changed(nafCode, command.nafCode());
        String newCommune = changed(communeCode, command.communeCode());
        Integer newHeadcount = changed(headcount, command.headcount());
        if (newName == null && newNaf == null && newCommune == null && newHeadcount == null && !command.contactUpdated()) {
            return;
        }
        apply(new SmeProfileUpdated(smeId, newName, newNaf, newCommune, newHeadcount, command.contactUpdated()));
    }

    /** Erasure is a right of the person: it holds whatever the SME's status, a rejected one included. */
    @CommandHandler
    public void handle(EraseSmeContact command) {
        apply(new SmeContactErased(smeId));
    }

    @CommandHandler
    public void handle(DeclareHeadcount command, Clock clock) {
        requireFollowUpDate(command.date(), clock);
        if (command.headcount() < 0) {
            throw new InvalidValue("headcount", "must not be negative");
        }
        apply(new HeadcountDeclared(smeId, command.date(), command.headcount()));
    }

    @CommandHandler
    public void handle(ReportJobs command, Clock clock) {
        requireFollowUpDate(command.date(), clock);
        if (command.count() < 1) {
            throw new InvalidValue("count", "must be at least 1");
        }
        apply(new JobsReported(smeId, command.reportId(), command.date(), command.count(), command.kind(),
                command.contractType()));
    }

    /** Follow-up starts with the approval: nothing before it, nothing in the future. */
    private void requireFollowUpDate(LocalDate date, Clock clock) {
        if (status != SmeStatus.APPROVED) {
            throw new RuleViolation("Only an approved SME reports its employment; this one is " + status + ".");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidValue("date", "must not be in the future");
        }
        if (date.isBefore(approvedOn)) {
            throw new InvalidValue("date", "must not be before the SME's approval on " + approvedOn);
        }
    }

    private static <T> T changed(T current, T requested) {
        return requested == null || Objects.equals(current, requested) ? null : requested;
    }

    @EventSourcingHandler
    void on(SmeApplied event) {
        smeId = event.smeId();
        status = SmeStatus.APPLIED;
        name = event.name();
        nafCode = event.nafCode();
        communeCode = event.communeCode();
        headcount = event.headcount();
    }

    @EventSourcingHandler
    void on(SmeApproved event) {
        status = SmeStatus.APPROVED;
        approvedOn = event.decidedOn();
    }

    @EventSourcingHandler
    void on(SmeRejected event) {
        status = SmeStatus.REJECTED;
    }

    /** The latest declaration (by date) is the current headcount; the baseline stays the one of the application. */
    @EventSourcingHandler
    void on(HeadcountDeclared event) {
        if (lastDeclaredOn == null || !event.date().isBefore(lastDeclaredOn)) {
            lastDeclaredOn = event.date();
            headcount = event.headcount();
        }
    }

    @EventSourcingHandler
    void on(SmeProfileUpdated event) {
        name = Objects.requireNonNullElse(event.name(), name);
        nafCode = Objects.requireNonNullElse(event.nafCode(), nafCode);
        communeCode = Objects.requireNonNullElse(event.communeCode(), communeCode);
        headcount = Objects.requireNonNullElse(event.headcount(), headcount);
    }
}
