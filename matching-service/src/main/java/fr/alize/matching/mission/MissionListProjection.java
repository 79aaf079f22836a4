package fr.alize.matching.mission;

import fr.alize.matching.mission.MissionEvents.MissionAccepted;
import fr.alize.matching.mission.MissionEvents.MissionCancelled;
import fr.alize.matching.mission.MissionEvents.MissionCompleted;
import fr.alize.matching.mission.MissionEvents.MissionDeclined;
import fr.alize.matching.mission.MissionEvents.MissionProposed;
import fr.alize.matching.mission.MissionEvents.MissionStarted;
import fr.alize.platform.jdbc.Jdbc;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.postgresql.util.PSQLException;

import java.time.Instant;

/**
 * Keeps the {@code mission_list} table from the mission events, in the transaction that appends them (a subscribing
 * processor, see {@link MissionsAxonModule}). Time entries are not listed: the mission itself shows them.
 */
@Singleton
public class MissionListProjection {

    @Inject
    Jdbc jdbc;

    /**
     * Lists the proposal. The unique index {@code mission_list_one_active_proposal} refuses a second active mission
     * of the same need and volunteer, whichever instance proposed the first: the command then fails with
     * {@link ProposalTaken} and nothing of it is stored.
     */
    @EventHandler
    void on(MissionProposed e, @Timestamp Instant at) {
        try {
            insert(e.missionId(), e.needId(), e.smeId(), e.volunteerId(), e.partnerId(), MissionState.PROPOSED,
                    e.proposedBy(), e.score(), at);
        } catch (IllegalStateException failure) {
            if (violates(failure, ProposalTaken.INDEX)) {
                throw new ProposalTaken();
            }
            throw failure;
        }
    }

    private static boolean violates(Throwable failure, String index) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getServerErrorMessage() != null && index.equals(sql.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }

    @EventHandler
    void on(MissionAccepted e, @Timestamp Instant at) {
        String column = switch (e.party()) {
            case SME -> "sme_accepted";
            case VOLUNTEER -> "volunteer_accepted";
            case EMPLOYER -> "employer_accepted";
        };
        jdbc.update("UPDATE mission_list SET " + column + " = TRUE, updated_at = ? WHERE mission_id = ?",
                sql(at), e.missionId());
    }

    @EventHandler
    void on(MissionDeclined e, @Timestamp Instant at) {
        state(e.missionId(), MissionState.DECLINED, at);
    }

    @EventHandler
    void on(MissionStarted e, @Timestamp Instant at) {
        jdbc.update("UPDATE mission_list SET state = ?, start_date = ?, updated_at = ? WHERE mission_id = ?",
                MissionState.STARTED, e.startDate(), sql(at), e.missionId());
    }

    @EventHandler
    void on(MissionCompleted e, @Timestamp Instant at) {
        jdbc.update("UPDATE mission_list SET state = ?, completed_on = ?, updated_at = ? WHERE mission_id = ?",
                MissionState.COMPLETED, e.completedOn(), sql(at), e.missionId());
    }

    @EventHandler
    void on(MissionCancelled e, @Timestamp Instant at) {
        state(e.missionId(), MissionState.CANCELLED, at);
    }

    private void insert(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                        MissionState state, ProposedBy proposedBy, Double score, Instant at) {
        jdbc.update("""
                INSERT INTO mission_list (mission_id, need_id, sme_id, volunteer_id, partner_id, state, proposed_by,
                                          score, proposed_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mission_id) DO NOTHING""",
                missionId, needId, smeId, volunteerId, partnerId, state, proposedBy, score, sql(at),
                sql(at));
    }

    private void state(String missionId, MissionState state, Instant at) {
        jdbc.update("UPDATE mission_list SET state = ?, updated_at = ? WHERE mission_id = ?", state, sql(at),
                missionId);
    }

    private static java.sql.Timestamp sql(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
