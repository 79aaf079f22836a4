package fr.alize.matching.ranking;

/** A volunteer who holds a wanted skill but is not ranked, and why. */
public record Exclusion(String volunteerId, String partnerId, Reason reason) {

    public enum Reason {
        /** paused by their employer */
        PAUSED,
        /** left the programme, or their personal data was erased */
        OFFBOARDED,
        /** declined a proposal for this need */
        DECLINED_THIS_NEED,
        /** their employer refused them for this need */
        EMPLOYER_REFUSED,
        /** the SME refused them for this need */
        SME_REFUSED,
        /** already proposed for this need, or working on it */
        ALREADY_PROPOSED
    }
}
