package fr.alize.matching.mission;

import fr.alize.matching.pool.PoolConsumers.NeedOpened;
import fr.alize.matching.pool.PoolNeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * When {@code matching.auto-propose} is on, proposes the best candidate of each newly published need
 * ({@link ProposingMissions#proposeBest}). The
 * mission id is derived from the need id, so a need read twice (a replay) never gets a second automatic proposal.
 */
@ApplicationScoped
public class AutoProposer {

    private static final Logger LOG = Logger.getLogger(AutoProposer.class);

    @Inject
    ProposingMissions proposing;

    @Inject
    AutoProposals switched;

    void onNeedOpened(@Observes NeedOpened opened) {
        if (!switched.on()) {
            return;
        }
        PoolNeed need = proposing.need(opened.needId()).orElse(null);
        if (need == null || !need.open()) {
            return;
        }
        String missionId = autoMissionId(need.needId());
        try {
            if (proposing.proposeBest(need, missionId).isEmpty()) {
                LOG.infof("no candidate to propose automatically for need %s", need.needId());
            }
        } catch (RuntimeException e) {
            LOG.infof("automatic proposal %s for need %s not made again: %s", missionId, need.needId(), e.getMessage());
        }
    }

    static String autoMissionId(String needId) {
        return UUID.nameUUIDFromBytes(("auto-proposal:" + needId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
