package fr.alize.needs.sme;

/** A reported job was created, or preserved (kept when it would have been lost). */
public enum JobKind {
    CREATED, PRESERVED
}
