package fr.alize.needs.sme;

/** What the selection committee decided about an application. */
public enum Decision {
    APPROVED, REJECTED
}
