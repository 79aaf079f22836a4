package fr.alize.needs.need;

import fr.alize.platform.web.Uuids;
import fr.alize.platform.web.Page;
import fr.alize.needs.infrastructure.QueryParams;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The needs of one SME. */
@Path("/smes/{smeId}/needs")
@Produces(MediaType.APPLICATION_JSON)
public class SmeNeedsResource {

    @Inject
    PublishingNeeds needs;

    @GET
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "An SME's needs", description = "Every need of the SME, whatever its status, in publication order.")
    public Page<NeedView> needs(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
                                  @QueryParam("status") String status,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return needs.needsOf(smeId, QueryParams.enumValue(NeedStatus.class, "status", status), page, size);
    }
}
