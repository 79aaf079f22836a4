package fr.alize.matching.ranking;

import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;
import fr.alize.matching.ranking.Exclusion.Reason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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

    /** The top {@code limit} candidates, through the skill index and a bounded heap. */
    public Ranking rank(PoolNeed need, int limit, LocalDate today, boolean withExclusions) {
        Map<String, Reason> refused = refusedFor(need.needId());
        List<Exclusion> exclusions = new ArrayList<>();
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        Scorer.Prepared scoring = scorer.prepare(need, today);
        int considered = 0;
        for (Candidate candidate : candidates(need)) {
            PoolVolunteer volunteer = candidate.volunteer;
            Reason reason = exclusion(volunteer, refused);
            if (reason != null) {
                if (withExclusions) {
                    exclusions.add(new Exclusion(volunteer.volunteerId(), volunteer.partnerId(), reason));
                }
                continue;
            }
            considered++;
            double skills = need.skills().isEmpty() ? 1 : candidate.skillSum / need.skills().size();
            ScoreParts parts = scoring.parts(volunteer, skills);
            double total = scorer.total(parts);
            if (best.size() < limit) {
                best.add(new Scored(volunteer, total, parts));
            } else if (beats(total, volunteer.volunteerId(), best.peek())) {
                best.poll();
                best.add(new Scored(volunteer, total, parts));
            }
        }
        List<Scored> top = new ArrayList<>(best);
        top.sort(BEST_FIRST);
        exclusions.sort(Comparator.comparing(Exclusion::volunteerId));
        return new Ranking(need.needId(), numbered(top), exclusions, considered);
    }

    /** The same ranking by scoring every volunteer of the pool and sorting them all: the baseline to beat. */
    public Ranking rankByFullScan(PoolNeed need, int limit, LocalDate today) {
        Map<String, Reason> refused = refusedFor(need.needId());
        Scorer.Prepared scoring = scorer.prepare(need, today);
        List<Scored> all = new ArrayList<>();
        for (PoolVolunteer volunteer : index.volunteers()) {
            if (exclusion(volunteer, refused) != null) {
                continue;
            }
            ScoreParts parts = scoring.parts(volunteer);
            if (!need.skills().isEmpty() && parts.skills() == 0) {
                continue;
            }
            all.add(new Scored(volunteer, scorer.total(parts), parts));
        }
        all.sort(BEST_FIRST);
        return new Ranking(need.needId(), numbered(all.subList(0, Math.min(limit, all.size()))), List.of(), all.size());
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

    /** A volunteer holding at least one wanted skill, with the sum of their per-skill coverage. */
    private static final class Candidate {
        final PoolVolunteer volunteer;
        double skillSum;

        Candidate(PoolVolunteer volunteer) {
            this.volunteer = volunteer;
        }
    }

    /** The holders of the wanted skills, from the skill index, each with their skill coverage summed on the way. */
    private Collection<Candidate> candidates(PoolNeed need) {
        if (need.skills().isEmpty()) {
            return index.volunteers().stream().map(Candidate::new).toList();
        }
        Map<String, Candidate> candidates = new HashMap<>();
        for (Skill wanted : need.skills()) {
            for (Map.Entry<String, Integer> holder : index.holdersOf(wanted.skillId()).entrySet()) {
                Candidate candidate = candidates.get(holder.getKey());
                if (candidate == null) {
                    PoolVolunteer volunteer = index.volunteer(holder.getKey());
                    if (volunteer == null) {
                        continue;
                    }
                    candidate = new Candidate(volunteer);
                    candidates.put(holder.getKey(), candidate);
                }
                int held = holder.getValue();
                candidate.skillSum += held >= wanted.level() ? 1 : (double) held / wanted.level();
            }
        }
        return candidates.values();
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
