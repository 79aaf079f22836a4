package fr.alize.volunteer.skills;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The command and event of a taxonomy version; the event's JSON shape is the contract in docs/events/volunteers/. */
public final class SkillTaxonomyEvents {

    private SkillTaxonomyEvents() {
    }

    public record PublishSkillTaxonomy(@TargetAggregateIdentifier String version, List<Skill> skills) {
    }

    public record SkillTaxonomyPublished(String version, List<Skill> skills) {
    }
}
