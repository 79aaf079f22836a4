package fr.alize.matching.ranking;

import java.util.List;

/**
 * The best candidates for a need, best first, and (when asked) who was left out and why.
 *
 * @param considered how many volunteers were scored
 */
public record Ranking(String needId, List<RankedCandidate> candidates, List<Exclusion> exclusions, int considered) {
}
