package fr.alize.matching.ranking;

import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking as its rules read, with no index, bound or heap: score every volunteer of the pool one by one with
 * {@link Scorer#parts}, drop those excluded and those who hold none of the wanted skills, sort them all (higher score,
 * then smaller volunteer id) and keep the first {@code limit}. What {@link Ranker#rank} must always agree with; the
 * benchmark's baseline.
 */
final class FullScanOracle {

    private final CandidateIndex index;
    private final Scorer scorer;
    private final Ranker ranker;

    FullScanOracle(CandidateIndex index, Scorer scorer) {
        this.index = index;
        this.scorer = scorer;
        this.ranker = new Ranker(index, scorer);
    }

    Ranking rank(PoolNeed need, int limit, LocalDate today) {
        record Scored(PoolVolunteer volunteer, ScoreParts parts, double score) {
        }
        List<Scored> all = new ArrayList<>();
        for (PoolVolunteer volunteer : index.volunteers()) {
            if (ranker.exclusionOf(need, volunteer) != null) {
                continue;
            }
            ScoreParts parts = scorer.parts(need, volunteer, today);
            if (!need.skills().isEmpty() && parts.skills() == 0) {
                continue;
            }
            all.add(new Scored(volunteer, parts, scorer.total(parts)));
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.volunteer().volunteerId()));
        List<RankedCandidate> top = new ArrayList<>();
        for (Scored s : all.subList(0, Math.min(limit, all.size()))) {
            top.add(new RankedCandidate(top.size() + 1, s.volunteer().volunteerId(), s.volunteer().partnerId(),
                    s.score(), s.parts()));
        }
        return new Ranking(need.needId(), top, List.of(), all.size());
    }
}
