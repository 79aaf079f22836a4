package fr.alize.matching.archfixture;

/** A class of another service, for {@code ArchitectureRulesTest}. */
public record MatchingThing(String id) {
}
