package fr.alize.volunteer.volunteer;

import fr.alize.domain.NotPermitted;
import fr.alize.domain.RuleViolation;
import fr.alize.volunteer.volunteer.VolunteerCommands.ErasePersonalData;
import fr.alize.volunteer.volunteer.VolunteerCommands.OffboardVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.PauseVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.RegisterVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.ResumeVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.UpdateVolunteer;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerOffboarded;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerPaused;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerPersonalDataErased;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerRegistered;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerResumed;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manager lent by a partner company. Rules: only its own partner (or the CCI) acts on it; an offboarded volunteer
 * is final (no update, pause or resume); repeating what is already true records nothing; erasing personal data
 * offboards first.
 */
public class Volunteer {

    @AggregateIdentifier
    private String volunteerId;
    private String partnerId;
    private Profile profile;
    private VolunteerStatus status;
    private boolean erased;

    protected Volunteer() {
        // for Axon
    }

    @CommandHandler
    public Volunteer(RegisterVolunteer command) {
        apply(VolunteerRegistered.of(command.volunteerId(), command.partnerId(), command.profile()));
    }

    @CommandHandler
    public void handle(UpdateVolunteer command) {
        checkPartner(command.actingPartnerId());
        requireNotOffboarded("updated");
        if (!profile.equals(command.profile())) {
            apply(VolunteerUpdated.of(volunteerId, partnerId, command.profile()));
        }
    }

    @CommandHandler
    public void handle(PauseVolunteer command) {
        checkPartner(command.actingPartnerId());
        requireNotOffboarded("paused");
        if (status == VolunteerStatus.ACTIVE) {
            apply(new VolunteerPaused(volunteerId, partnerId));
        }
    }

    @CommandHandler
    public void handle(ResumeVolunteer command) {
        checkPartner(command.actingPartnerId());
        requireNotOffboarded("resumed");
        if (status == VolunteerStatus.PAUSED) {
            apply(new VolunteerResumed(volunteerId, partnerId));
        }
    }

    @CommandHandler
    public void handle(OffboardVolunteer command) {
        checkPartner(command.actingPartnerId());
        if (status != VolunteerStatus.OFFBOARDED) {
            apply(new VolunteerOffboarded(volunteerId, partnerId, command.reason()));
        }
    }

    @CommandHandler
    public void handle(ErasePersonalData command) {
        checkPartner(command.actingPartnerId());
        if (erased) {
            return;
        }
        if (status != VolunteerStatus.OFFBOARDED) {
            apply(new VolunteerOffboarded(volunteerId, partnerId, OffboardReason.ERASURE_REQUESTED));
        }
        apply(new VolunteerPersonalDataErased(volunteerId, partnerId));
    }

    private void checkPartner(String actingPartnerId) {
        if (actingPartnerId != null && !actingPartnerId.equals(partnerId)) {
            throw new NotPermitted();
        }
    }

    private void requireNotOffboarded(String what) {
        if (status == VolunteerStatus.OFFBOARDED) {
            throw new RuleViolation("The volunteer was offboarded and cannot be " + what + ".");
        }
    }

    @EventSourcingHandler
    void on(VolunteerRegistered event) {
        volunteerId = event.volunteerId();
        partnerId = event.partnerId();
        profile = event.profile();
        status = VolunteerStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(VolunteerUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(VolunteerPaused event) {
        status = VolunteerStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(VolunteerResumed event) {
        status = VolunteerStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(VolunteerOffboarded event) {
        status = VolunteerStatus.OFFBOARDED;
    }

    @EventSourcingHandler
    void on(VolunteerPersonalDataErased event) {
        erased = true;
    }
}
