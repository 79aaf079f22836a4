package fr.alize.needs.need;

import fr.alize.needs.need.NeedCommands.AmendNeed;
import fr.alize.needs.need.NeedCommands.PublishNeed;
import fr.alize.needs.need.NeedEvents.NeedAmended;
import fr.alize.needs.need.NeedEvents.NeedPublished;
import fr.alize.platform.errors.AccessDeniedException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** What an SME asks for, from publication on. */
public class Need {

    @AggregateIdentifier
    private String needId;
    private String smeId;
    private String title;
    private String description;
    private BigDecimal effortDays;

    protected Need() {
        // for Axon
    }

    @CommandHandler
    public Need(PublishNeed command) {
        apply(new NeedPublished(command.needId(), command.smeId(), command.category(), command.title(),
                command.description(), command.effortDays()));
    }

    /** An amendment that changes nothing records nothing. */
    @CommandHandler
    public void handle(AmendNeed command) {
        if (command.actingSmeId() != null && !command.actingSmeId().equals(smeId)) {
            throw new AccessDeniedException();
        }
        if (Objects.equals(title, command.title()) && Objects.equals(description, command.description())
                && effortDays.compareTo(command.effortDays()) == 0) {
            return;
        }
        apply(new NeedAmended(needId, smeId, command.title(), command.description(), command.effortDays()));
    }

    @EventSourcingHandler
    void on(NeedPublished event) {
        needId = event.needId();
        smeId = event.smeId();
        title = event.title();
        description = event.description();
        effortDays = event.effortDays();
    }

    @EventSourcingHandler
    void on(NeedAmended event) {
        title = event.title();
        description = event.description();
        effortDays = event.effortDays();
    }
}
