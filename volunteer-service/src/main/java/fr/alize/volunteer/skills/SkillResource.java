package fr.alize.volunteer.skills;

import fr.alize.platform.errors.NotFoundException;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/skills")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CCI, Roles.SME, Roles.PARTNER_HR, Roles.VOLUNTEER, Roles.ANALYST})
public class SkillResource {

    @Inject
    SkillCatalogue catalogue;

    public record Level(int level, String labelFr, String labelEn) {
    }

    public record TaxonomyView(String version, List<Level> levels, List<Skill> skills) {
    }

    static final List<Level> LEVELS = List.of(
            new Level(1, "Notions", "Basic knowledge"),
            new Level(2, "Pratique", "Practitioner"),
            new Level(3, "Expert", "Expert"),
            new Level(4, "Référent", "Reference (can teach it)"));

    @GET
    @Operation(summary = "The skill taxonomy", description = "Version, levels 1 to 4 and every skill (id, French and English labels, family).")
    public TaxonomyView taxonomy() {
        return new TaxonomyView(catalogue.version(), LEVELS, catalogue.skills());
    }

    @GET
    @Path("{skillId}")
    @Operation(summary = "One skill of the taxonomy")
    public Skill skill(@PathParam("skillId") String skillId) {
        return catalogue.find(skillId).orElseThrow(() -> new NotFoundException(
                "No skill " + skillId + " in taxonomy " + catalogue.version() + "; nearest valid ids: "
                        + String.join(", ", catalogue.nearest(skillId))));
    }
}
