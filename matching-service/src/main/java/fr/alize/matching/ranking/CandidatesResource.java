package fr.alize.matching.ranking;

import fr.alize.platform.web.Uuids;
import fr.alize.matching.MatchingConfig;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;


/** The explainable ranking of volunteers for a need, for the CCI coordinator. */
@Path("/needs/{needId}/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidatesResource {

    @Inject
    RankingService ranking;

    @Inject
    MatchingConfig config;

    /** The answer: the candidates best first, the weights used, and the exclusions when asked. */
    public record CandidatesAnswer(String needId, String needStatus, Weights weights, int considered,
                                   List<RankedCandidate> candidates, List<Exclusion> exclusions) {
    }

    @GET
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Rank volunteers for a need",
            description = "The top candidates with their total score and its parts (skills, availability, proximity, load, "
                    + "spread); with exclusions=true, also who was left out and why.")
    public CandidatesAnswer candidates(
            @PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("exclusions") boolean exclusions) {
        PoolNeed need = ranking.need(needId.toLowerCase())
                .orElseThrow(() -> new NotFoundException("No published need " + needId + " in the candidate pool."));
        Ranking ranked = ranking.rank(need, limit == null ? config.defaultLimit() : limit, exclusions);
        return new CandidatesAnswer(need.needId(), need.status(), ranking.weights(), ranked.considered(),
                ranked.candidates(), exclusions ? ranked.exclusions() : null);
    }
}
