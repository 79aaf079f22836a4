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

    /** A resource that sends a command itself, through Axon's gateway. */
    @jakarta.ws.rs.Path("/fixture-gateway")
    public static class ResourceSendingThroughTheGateway {
        org.axonframework.commandhandling.gateway.CommandGateway gateway;
    }

    /** A resource that sends a command itself, through the platform's sender. */
    @jakarta.ws.rs.Path("/fixture-commands")
    public static class ResourceSendingThroughCommands {
        fr.alize.platform.axon.Commands commands;
    }

    /** A resource that leaves commands to the application layer, and carries a command's value type. */
    @jakarta.ws.rs.Path("/fixture-translating")
    public static class TranslatingResource {
        ApplicationService application;
        FixtureCommands.Publish published;
    }

    /** An application service: it may send commands. */
    public static class ApplicationService {
        fr.alize.platform.axon.Commands commands;
    }

    /** An aggregate that keeps to its domain. */
    public static class CleanAggregate {
        @AggregateIdentifier
        String id;
    }
}
