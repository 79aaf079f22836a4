package fr.alize.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout rules every service is held to, as ArchUnit rules over its production classes (each service's
 * {@code ArchitectureTest}, a {@link ServiceArchitecture}, applies them):
 * <ul>
 *   <li>a service uses no class of another service: they share only the published events, over Kafka;</li>
 *   <li>the domain model (aggregates, and the commands and events declared beside them) knows nothing of HTTP, of
 *   Quarkus or of the platform's web, security and HTTP-shaped error layers, so that it can be read and tested on its
 *   own: it throws the domain's exceptions ({@code fr.alize.domain}), which the web layer maps;</li>
 *   <li>a REST resource (a class annotated {@code @Path}) sends no command: it translates HTTP and calls the
 *   service's application layer, which sends them.</li>
 * </ul>
 */
public final class ArchitectureRules {

    /** The services' root packages. */
    public static final List<String> SERVICES = List.of("fr.alize.needs", "fr.alize.volunteer", "fr.alize.matching",
            "fr.alize.impact");

    /** What the domain model must not use. */
    static final String[] OUTSIDE_THE_DOMAIN = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus..", "io.vertx..",
            "jakarta.enterprise..", "jakarta.inject..", "fr.alize.platform.web..", "fr.alize.platform.security..",
            "fr.alize.platform.errors.."};

    private ArchitectureRules() {
    }

    /** The production classes of one service (or any root package), tests left out. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** No class of {@code service} uses a class of another service. */
    public static ArchRule noOtherService(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only their published events, over Kafka");
    }

    /** Aggregates, commands and events use nothing of HTTP, Quarkus, CDI or the platform's web, security and errors. */
    public static ArchRule domainModelStandsAlone() {
        return noClasses().that(DOMAIN_MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_THE_DOMAIN)
                .because("the domain model is read and tested without the web layer; resources translate HTTP")
                .allowEmptyShould(false);
    }

    /**
     * Aggregates (a field marked {@code @AggregateIdentifier}), and the commands and events: the types declared in a
     * {@code ...Commands} or {@code ...Events} class (a bean such as {@code SystemCommands} that sends commands is not one).
     */
    static final DescribedPredicate<JavaClass> DOMAIN_MODEL = DescribedPredicate.describe(
            "are aggregates, commands or events", ArchitectureRules::isDomainModel);

    private static boolean isDomainModel(JavaClass type) {
        return type.getFields().stream().anyMatch(f -> f.isAnnotatedWith("org.axonframework.modelling.command.AggregateIdentifier"))
                || type.getEnclosingClass().map(JavaClass::getSimpleName)
                        .filter(name -> name.endsWith("Commands") || name.endsWith("Events")).isPresent();
    }

    /** Resources (classes annotated {@code @Path}) use nothing that sends a command ({@link #SENDS_COMMANDS}). */
    public static ArchRule resourcesSendNoCommands() {
        return noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().dependOnClassesThat(SENDS_COMMANDS)
                .because("resources translate HTTP; the application layer sends the commands and holds the rules");
    }

    /**
     * What sends commands: Axon's command handling (the {@code CommandGateway}, the command bus, command messages),
     * the platform's {@code AxonRuntime} that hands out the gateway, and the beans named {@code ...Commands} with a
     * {@code send} method (the platform's {@code Commands}, a service's {@code SystemCommands}).
     */
    static final DescribedPredicate<JavaClass> SENDS_COMMANDS = DescribedPredicate.describe(
            "send commands (Axon's command gateway or bus, AxonRuntime, a ...Commands sender)", ArchitectureRules::sendsCommands);

    private static boolean sendsCommands(JavaClass type) {
        // the platform's classes are named: a service's rule imports only the service, so they come without members
        return type.getPackageName().startsWith("org.axonframework.commandhandling")
                || type.getName().equals("fr.alize.platform.axon.AxonRuntime")
                || type.getName().equals("fr.alize.platform.axon.Commands")
                || type.getSimpleName().endsWith("Commands")
                        && type.getMethods().stream().anyMatch(method -> method.getName().equals("send"));
    }

    /** The platform uses no class of any service. */
    public static ArchRule platformUsesNoService() {
        return noClasses().that().resideInAPackage("fr.alize.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                .because("the platform is shared plumbing: a service depends on it, never the reverse");
    }
}
