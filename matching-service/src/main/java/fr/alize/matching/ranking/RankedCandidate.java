package fr.alize.matching.ranking;

/** One volunteer in a ranking: the total score (0..1) and the parts it is made of. */
public record RankedCandidate(int rank, String volunteerId, String partnerId, double score, ScoreParts parts) {
}
