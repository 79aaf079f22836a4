package fr.alize.volunteer.partner;

import fr.alize.volunteer.partner.PartnerCommands.EnrolPartner;
import fr.alize.volunteer.partner.PartnerCommands.Pledge;
import fr.alize.volunteer.partner.PartnerCommands.SetPledge;
import fr.alize.volunteer.partner.PartnerEvents.PartnerEnrolled;
import fr.alize.volunteer.partner.PartnerEvents.PartnerPledgeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A large company that lends managers, with one pledge per year; setting the same pledge again records nothing. */
public class Partner {

    @AggregateIdentifier
    private String partnerId;
    private final Map<Integer, Pledge> pledges = new HashMap<>();

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    public Partner(EnrolPartner command) {
        apply(new PartnerEnrolled(command.partnerId(), command.name(), command.group(), command.site(),
                command.communeCode()));
        if (command.pledge() != null) {
            pledge(command.partnerId(), command.pledge());
        }
    }

    @CommandHandler
    public void handle(SetPledge command) {
        if (!command.pledge().sameAs(pledges.get(command.pledge().year()))) {
            pledge(partnerId, command.pledge());
        }
    }

    private static void pledge(String partnerId, Pledge pledge) {
        apply(new PartnerPledgeSet(partnerId, pledge.year(), pledge.pledgedDays(), pledge.dailyRate()));
    }

    @EventSourcingHandler
    void on(PartnerEnrolled event) {
        partnerId = event.partnerId();
    }

    @EventSourcingHandler
    void on(PartnerPledgeSet event) {
        pledges.put(event.year(), new Pledge(event.year(), event.pledgedDays(), event.dailyRate()));
    }
}
