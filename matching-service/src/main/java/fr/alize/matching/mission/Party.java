package fr.alize.matching.mission;

/** The three parties whose agreement starts a mission. */
public enum Party {
    SME, VOLUNTEER, EMPLOYER
}
