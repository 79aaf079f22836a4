package fr.alize.matching.mission;

import fr.alize.domain.InvalidValue;
import fr.alize.domain.RuleViolation;
import fr.alize.matching.mission.MissionCommands.ProposeMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.ranking.Exclusion;
import fr.alize.matching.ranking.RankedCandidate;
import fr.alize.matching.ranking.RankingService;
import fr.alize.platform.axon.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposing a volunteer for a need, by the CCI or automatically: the one place that sends {@link ProposeMission}
 * and then tells the ranking, so that the next ranking of the need counts the proposal at once (before the event
 * comes back from the topic). The rules that span the pool and the mission (the need open, the volunteer not
 * excluded) are checked here, on the candidate pool.
 */
@ApplicationScoped
public class ProposingMissions {

    @Inject
    Commands commands;
    @Inject
    RankingService ranking;
    @Inject
    Clock clock;

    /** The CCI's proposal: both must be in the pool (400), the need open and the volunteer not excluded (409). */
    public String propose(String needId, String volunteerId) {
        PoolNeed need = ranking.need(needId.toLowerCase())
                .orElseThrow(() -> new InvalidValue("needId", "is not a published need known to matching"));
        PoolVolunteer volunteer = ranking.volunteer(volunteerId.toLowerCase())
                .orElseThrow(() -> new InvalidValue("volunteerId", "is not a volunteer known to matching"));
        if (!need.open()) {
            throw new RuleViolation("The need is " + need.status() + ": no volunteer can be proposed for it.");
        }
        Exclusion.Reason excluded = ranking.exclusionOf(need, volunteer);
        if (excluded != null) {
            throw new RuleViolation("This volunteer cannot be proposed for this need: " + excluded + ".");
        }
        String missionId = UUID.randomUUID().toString();
        propose(missionId, need, volunteer, ProposedBy.CCI, ranking.score(need, volunteer));
        return missionId;
    }

    /**
     * The best candidate of an open need, proposed under the mission id given (derived from the need, so that a
     * need read twice gets one automatic proposal); empty when the need has no candidate.
     */
    public Optional<RankedCandidate> proposeBest(PoolNeed need, String missionId) {
        List<RankedCandidate> best = ranking.rank(need, 1, false).candidates();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        RankedCandidate candidate = best.get(0);
        propose(missionId, need, ranking.volunteer(candidate.volunteerId()).orElseThrow(), ProposedBy.AUTO, candidate.score());
        return Optional.of(candidate);
    }

    public Optional<PoolNeed> need(String needId) {
        return ranking.need(needId);
    }

    private void propose(String missionId, PoolNeed need, PoolVolunteer volunteer, ProposedBy by, double score) {
        commands.send(new ProposeMission(missionId, need.needId(), need.smeId(), volunteer.volunteerId(),
                volunteer.partnerId(), by, score, LocalDate.now(clock)));
        ranking.proposed(missionId, need, volunteer);
    }
}
