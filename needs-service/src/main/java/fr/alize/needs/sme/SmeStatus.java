package fr.alize.needs.sme;

/** Where an SME stands with the selection committee. */
public enum SmeStatus {
    /** Applied, waiting for the committee. */
    APPLIED,
    APPROVED,
    REJECTED
}
