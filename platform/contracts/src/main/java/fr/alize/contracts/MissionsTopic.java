package fr.alize.contracts;

import java.util.List;

import static fr.alize.contracts.EventType.v1;

/** What matching-service publishes on {@code alize.missions} (docs/asyncapi.yaml). */
public final class MissionsTopic {

    public static final String MISSION_PROPOSED = "MissionProposed";
    public static final String MISSION_ACCEPTED = "MissionAccepted";
    public static final String MISSION_DECLINED = "MissionDeclined";
    public static final String MISSION_STARTED = "MissionStarted";
    public static final String TIME_LOGGED = "TimeLogged";
    public static final String MISSION_COMPLETED = "MissionCompleted";
    public static final String MISSION_CANCELLED = "MissionCancelled";

    public static final Topic TOPIC = new Topic("alize.missions", "matching-service", List.of(
            v1(MISSION_PROPOSED),
            v1(MISSION_ACCEPTED),
            v1(MISSION_DECLINED),
            v1(MISSION_STARTED),
            v1(TIME_LOGGED),
            v1(MISSION_COMPLETED),
            v1(MISSION_CANCELLED)));

    private MissionsTopic() {
    }
}
