package fr.alize.matching.mission;

/** Who proposed a mission: a CCI coordinator, or the automatic proposal on a newly published need. */
public enum ProposedBy {
    CCI, AUTO
}
