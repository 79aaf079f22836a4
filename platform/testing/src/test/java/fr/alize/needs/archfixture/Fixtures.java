package fr.alize.needs.archfixture;

import fr.alize.matching.archfixture.MatchingThing;
import jakarta.enterprise.event.Event;
import org.axonframework.modelling.command.AggregateIdentifier;

/** Classes that break the layout rules on purpose, for {@code ArchitectureRulesTest}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Uses a class of another service. */
    public record UsesMatching(MatchingThing thing) {
    }

    /** An aggregate that reaches for CDI. */
    public static class CdiAggregate {
        @AggregateIdentifier
        String id;
        Event<String> events;
    }

    /** A command declared beside an aggregate, carrying a class of the web layer. */
    public static final class FixtureCommands {
        public record Publish(fr.alize.platform.web.Page<String> page) {
        }
    }

    /** An aggregate that keeps to its domain. */
    public static class CleanAggregate {
        @AggregateIdentifier
        String id;
    }
}
