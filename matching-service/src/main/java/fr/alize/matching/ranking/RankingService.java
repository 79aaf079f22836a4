package fr.alize.matching.ranking;

import fr.alize.matching.MatchingConfig;
import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.mission.MissionState;
import fr.alize.matching.pool.CandidatePool;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Ranks the pool's volunteers for a need with the configured weights, as of today. */
@ApplicationScoped
public class RankingService {

    @Inject
    CandidatePool pool;
    @Inject
    Clock clock;

    @Inject
    MatchingConfig config;

    private final CommuneProximity communes = CommuneProximity.hautsDeFrance();

    public Optional<PoolNeed> need(String needId) {
        return Optional.ofNullable(pool.index().need(needId));
    }

    public Optional<PoolVolunteer> volunteer(String volunteerId) {
        return Optional.ofNullable(pool.index().volunteer(volunteerId));
    }

    public Ranking rank(PoolNeed need, int limit, boolean withExclusions) {
        return ranker().rank(need, limit, today(), withExclusions);
    }

    /** Why this volunteer may not be proposed for this need, or null. */
    public Exclusion.Reason exclusionOf(PoolNeed need, PoolVolunteer volunteer) {
        return ranker().exclusionOf(need, volunteer);
    }

    /** The total score of one volunteer for one need. */
    public double score(PoolNeed need, PoolVolunteer volunteer) {
        Ranker ranker = ranker();
        return ranker.total(ranker.parts(need, volunteer, today()));
    }

    /** Records a proposal in the pool at once (its event follows through the missions topic). */
    public void proposed(String missionId, PoolNeed need, PoolVolunteer volunteer) {
        pool.proposed(new PoolMission(missionId, need.needId(), volunteer.volunteerId(), volunteer.partnerId(),
                MissionState.PROPOSED, null, 0));
    }

    public Weights weights() {
        MatchingConfig.Weights w = config.weights();
        return new Weights(w.skills(), w.availability(), w.proximity(), w.load(), w.spread());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private record IndexScorer(CandidateIndex index, Scorer scorer) {
    }

    /** One scorer per index, kept: it learns the reference number of each commune of the index once. */
    private volatile IndexScorer scorer;

    private Ranker ranker() {
        CandidateIndex index = pool.index();
        IndexScorer current = scorer;
        if (current == null || current.index() != index) {
            current = new IndexScorer(index, new Scorer(index, communes, weights(), config.hoursPerDay()));
            scorer = current;
        }
        return new Ranker(index, current.scorer());
    }
}
