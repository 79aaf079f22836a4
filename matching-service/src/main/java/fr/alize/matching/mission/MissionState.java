package fr.alize.matching.mission;

/** Where a mission stands. DECLINED, COMPLETED and CANCELLED are final. */
public enum MissionState {
    PROPOSED, STARTED, DECLINED, COMPLETED, CANCELLED
}
