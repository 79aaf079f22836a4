package fr.alize.matching.ranking;

import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;
import fr.alize.matching.ranking.Exclusion.Reason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Ranks the volunteers of the pool for a need. A candidate holds at least one of the skills wanted (any volunteer
 * when the need names none), is active, and was not refused for this need nor already proposed for it. Best first;
 * equal scores are ordered by volunteer id, so the same pool always gives the same ranking.
 */
public final class Ranker {

    private record Scored(PoolVolunteer volunteer, double score, ScoreParts parts) {
    }

    /** Best first: higher score, then the smaller volunteer id. */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(s -> s.volunteer().volunteerId());

    private final CandidateIndex index;
    private final Scorer scorer;

    public Ranker(CandidateIndex index, Scorer scorer) {
        this.index = index;
        this.scorer = scorer;
    }

    /**
     * The top {@code limit} candidates, through the skill index and a bounded heap. Once the heap is full, a
     * candidate whose best possible total (its skills, spread and days a month, then its proximity, with the other
     * parts at their best) is below the worst kept is skipped before their missions and absences are read: they
     * could not enter. The bound and the score go through the same kernel ({@link Scorer.Prepared}).
     */
    public Ranking rank(PoolNeed need, int limit, LocalDate today, boolean withExclusions) {
        Map<String, Reason> refused = refusedFor(need.needId());
        List<Exclusion> exclusions = new ArrayList<>();
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        Scorer.Prepared scoring = scorer.prepare(need, today);
        int[] considered = new int[1];
        int[] refusedOrdinals = refused.keySet().stream().mapToInt(index::ordinal).sorted().toArray();
        forEachCandidate(need, scoring.wantedCount(), (from, row, held) -> {
            // the holder arrays are read only as far as needed, the volunteer's record only for those excluded or scored
            if (!from.active()[row] || Arrays.binarySearch(refusedOrdinals, from.ordinals()[row]) >= 0) {
                PoolVolunteer volunteer = from.volunteers()[row];
                Reason reason = exclusion(volunteer, refused);
                if (reason != null) {
                    if (withExclusions) {
                        exclusions.add(new Exclusion(volunteer.volunteerId(), volunteer.partnerId(), reason));
                    }
                    return;
                }
            }
            considered[0]++;
            double skills = scoring.skills(held);
            Scored worst = best.size() < limit ? null : best.peek();
            if (worst != null && scoring.upperBound(skills, 1, 1, 1) < worst.score()) {
                return;
            }
            PoolVolunteer volunteer = from.volunteers()[row];
            double spread = scoring.spread(volunteer, from.partners()[row]);
            double availability = scoring.availabilityAtMost(from.daysPerMonth()[row]);
            if (worst != null && scoring.upperBound(skills, availability, 1, spread) < worst.score()) {
                return;
            }
            double proximity = scoring.proximity(volunteer, from.communes()[row]);
            if (worst != null && scoring.upperBound(skills, availability, proximity, spread) < worst.score()) {
                return;
            }
            ScoreParts parts = scoring.parts(volunteer, skills, proximity, spread);
            double total = scorer.total(parts);
            if (worst == null) {
                best.add(new Scored(volunteer, total, parts));
            } else if (beats(total, volunteer.volunteerId(), worst)) {
                best.poll();
                best.add(new Scored(volunteer, total, parts));
            }
        });
        List<Scored> top = new ArrayList<>(best);
        top.sort(BEST_FIRST);
        exclusions.sort(Comparator.comparing(Exclusion::volunteerId));
        return new Ranking(need.needId(), numbered(top), exclusions, considered[0]);
    }

    /** Whether a score ranks before the worst of the best kept so far (same order as {@link #BEST_FIRST}). */
    private static boolean beats(double total, String volunteerId, Scored worst) {
        return total > worst.score() || total == worst.score() && volunteerId.compareTo(worst.volunteer().volunteerId()) < 0;
    }

    /** Why a volunteer may not be proposed for a need, or null when they may. */
    public Reason exclusionOf(PoolNeed need, PoolVolunteer volunteer) {
        return exclusion(volunteer, refusedFor(need.needId()));
    }

    public ScoreParts parts(PoolNeed need, PoolVolunteer volunteer, LocalDate today) {
        return scorer.parts(need, volunteer, today);
    }

    public double total(ScoreParts parts) {
        return scorer.total(parts);
    }

    /** Receives each candidate once: their row in the holder arrays, and the levels held in the wanted skills. */
    @FunctionalInterface
    private interface CandidateVisitor {
        void visit(CandidateIndex.Holders from, int row, int[] held);
    }

    /**
     * Each holder of a wanted skill once (every volunteer when the need names no skill), with the level held in each
     * wanted skill, in the need's order (0 when not held). The holders of each wanted skill come as arrays in one
     * shared order, merged here, so a volunteer holding several wanted skills is met once, without a map. The array
     * of levels is reused from one candidate to the next.
     */
    private void forEachCandidate(PoolNeed need, int count, CandidateVisitor visitor) {
        int[] held = new int[count];
        if (count == 0) {
            CandidateIndex.Holders everyone = index.everyone();
            for (int row = 0; row < everyone.size(); row++) {
                visitor.visit(everyone, row, held);
            }
            return;
        }
        List<Skill> wanted = need.skills();
        CandidateIndex.Holders[] holders = new CandidateIndex.Holders[count];
        int[] at = new int[count];
        for (int k = 0; k < count; k++) {
            holders[k] = index.sortedHoldersOf(wanted.get(k).skillId());
        }
        while (true) {
            int next = Integer.MAX_VALUE;
            for (int k = 0; k < count; k++) {
                if (at[k] < holders[k].size() && holders[k].ordinals()[at[k]] < next) {
                    next = holders[k].ordinals()[at[k]];
                }
            }
            if (next == Integer.MAX_VALUE) {
                return;
            }
            CandidateIndex.Holders from = null;
            int row = -1;
            for (int k = 0; k < count; k++) {
                CandidateIndex.Holders h = holders[k];
                if (at[k] < h.size() && h.ordinals()[at[k]] == next) {
                    from = h;
                    row = at[k];
                    held[k] = h.levels()[at[k]];
                    at[k]++;
                } else {
                    held[k] = 0;
                }
            }
            visitor.visit(from, row, held);
        }
    }

    private Map<String, Reason> refusedFor(String needId) {
        Map<String, Reason> refused = new HashMap<>();
        for (PoolMission mission : index.missionsForNeed(needId)) {
            Reason reason = mission.declinedBy() != null ? switch (mission.declinedBy()) {
                case VOLUNTEER -> Reason.DECLINED_THIS_NEED;
                case EMPLOYER -> Reason.EMPLOYER_REFUSED;
                case SME -> Reason.SME_REFUSED;
            } : mission.active() ? Reason.ALREADY_PROPOSED : null;
            if (reason != null) {
                refused.merge(mission.volunteerId(), reason, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        return refused;
    }

    private static Reason exclusion(PoolVolunteer volunteer, Map<String, Reason> refused) {
        if (!volunteer.active()) {
            return "PAUSED".equals(volunteer.status()) ? Reason.PAUSED : Reason.OFFBOARDED;
        }
        return refused.get(volunteer.volunteerId());
    }

    private static List<RankedCandidate> numbered(List<Scored> scored) {
        List<RankedCandidate> ranked = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            ranked.add(new RankedCandidate(ranked.size() + 1, s.volunteer().volunteerId(), s.volunteer().partnerId(),
                    s.score(), s.parts()));
        }
        return ranked;
    }
}
