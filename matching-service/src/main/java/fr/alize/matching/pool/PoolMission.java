package fr.alize.matching.pool;

import fr.alize.matching.mission.MissionState;
import fr.alize.matching.mission.Party;

/** A mission as the pool follows it from the missions topic: who, for which need, how far, how many hours. */
public record PoolMission(String missionId, String needId, String volunteerId, String partnerId, MissionState state,
                          Party declinedBy, double loggedHours) {

    public boolean running() {
        return state == MissionState.STARTED;
    }

    /** Proposed or running: the volunteer is already in play for the need. */
    public boolean active() {
        return state == MissionState.PROPOSED || state == MissionState.STARTED;
    }
}
