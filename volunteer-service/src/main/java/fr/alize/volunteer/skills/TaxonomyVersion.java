package fr.alize.volunteer.skills;

import fr.alize.volunteer.skills.SkillTaxonomyEvents.PublishSkillTaxonomy;
import fr.alize.volunteer.skills.SkillTaxonomyEvents.SkillTaxonomyPublished;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One version of the skill taxonomy, identified by its version string. It exists once it was published, so a
 * version is published once: a second creation with the same id clashes in the event store.
 */
public class TaxonomyVersion {

    @AggregateIdentifier
    private String version;

    protected TaxonomyVersion() {
        // for Axon
    }

    @CommandHandler
    public TaxonomyVersion(PublishSkillTaxonomy command) {
        if (command.skills().isEmpty()) {
            throw new IllegalArgumentException("a taxonomy version lists at least one skill");
        }
        apply(new SkillTaxonomyPublished(command.version(), command.skills()));
    }

    @EventSourcingHandler
    void on(SkillTaxonomyPublished event) {
        version = event.version();
    }
}
