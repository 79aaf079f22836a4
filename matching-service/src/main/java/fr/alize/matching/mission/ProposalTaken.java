package fr.alize.matching.mission;

import fr.alize.matching.ranking.Exclusion;
import fr.alize.platform.errors.ConflictException;

/**
 * 409: the volunteer already has an active proposal for this need, as the database's unique index
 * {@code mission_list_one_active_proposal} says (it holds across every instance of the service).
 */
public class ProposalTaken extends ConflictException {

    static final String INDEX = "mission_list_one_active_proposal";

    ProposalTaken() {
        super("This volunteer cannot be proposed for this need: " + Exclusion.Reason.ALREADY_PROPOSED + ".");
    }
}
