package fr.alize.matching.mission;

import fr.alize.matching.mission.MissionCommands.ProposeMission;
import fr.alize.matching.pool.PoolConsumers.NeedOpened;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.ranking.RankedCandidate;
import fr.alize.matching.ranking.RankingService;
import fr.alize.platform.axon.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * When {@code matching.auto-propose} is on, proposes the best candidate of each newly published need. The
 * mission id is derived from the need id, so a need read twice (a replay) never gets a second automatic proposal.
 */
@ApplicationScoped
public class AutoProposer {

    private static final Logger LOG = Logger.getLogger(AutoProposer.class);

    @Inject
    RankingService ranking;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    @Inject
    AutoProposals switched;

    void onNeedOpened(@Observes NeedOpened opened) {
        if (!switched.on()) {
            return;
        }
        PoolNeed need = ranking.need(opened.needId()).orElse(null);
        if (need == null || !need.open()) {
            return;
        }
        List<RankedCandidate> best = ranking.rank(need, 1, false).candidates();
        if (best.isEmpty()) {
            LOG.infof("no candidate to propose automatically for need %s", need.needId());
            return;
        }
        RankedCandidate candidate = best.get(0);
        String missionId = autoMissionId(need.needId());
        try {
            commands.send(new ProposeMission(missionId, need.needId(), need.smeId(), candidate.volunteerId(),
                    candidate.partnerId(), ProposedBy.AUTO, candidate.score(), LocalDate.now(clock)));
            ranking.proposed(missionId, need, ranking.volunteer(candidate.volunteerId()).orElseThrow());
        } catch (RuntimeException e) {
            LOG.infof("automatic proposal %s for need %s not made again: %s", missionId, need.needId(), e.getMessage());
        }
    }

    static String autoMissionId(String needId) {
        return UUID.nameUUIDFromBytes(("auto-proposal:" + needId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
