package fr.alize.needs.need;

import fr.alize.needs.infrastructure.Ids;
import fr.alize.needs.infrastructure.QueryParams;
import fr.alize.needs.need.NeedQueries.NeedFilter;
import fr.alize.needs.need.NeedRequests.NeedRequest;
import fr.alize.needs.need.NeedRequests.WithdrawalRequest;
import fr.alize.platform.web.Page;
import fr.alize.platform.web.Uuids;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Needs over HTTP; what may be done on whose behalf is {@link PublishingNeeds}'s. */
@Path("/needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedResource {

    @Inject
    PublishingNeeds needs;

    public record NeedCreated(String needId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Publish a need", description = "Only an approved SME publishes needs; an SME publishes for itself, the CCI names the SME.")
    public Response publish(@NotNull(message = "a JSON body is required") @Valid NeedRequest request, @Context UriInfo uri) {
        String needId = needs.publish(request);
        return Response.created(uri.getAbsolutePathBuilder().path(needId).build()).entity(new NeedCreated(needId)).build();
    }

    @GET
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "List needs", description = "Filtered by status, category, commune and skill, in publication order; an SME sees only its own.")
    public Page<NeedView> list(@QueryParam("status") String status,
                                 @QueryParam("category") String category,
                                 @QueryParam("commune") @Pattern(regexp = Ids.COMMUNE_PATTERN, message = Ids.COMMUNE_MESSAGE) String commune,
                                 @QueryParam("skill") @Size(max = 100) String skill,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return needs.list(new NeedFilter(null, QueryParams.enumValue(NeedStatus.class, "status", status),
                QueryParams.enumValue(NeedCategory.class, "category", category), Ids.upper(commune), skill), page, size);
    }

    @GET
    @Path("{needId}")
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Get a need")
    public NeedView get(@PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId) {
        return needs.get(needId);
    }

    @PUT
    @Path("{needId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Amend a need", description = "The full new state, while no mission has started on it; an identical amendment records nothing.")
    public Response amend(@PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
                          @NotNull(message = "a JSON body is required") @Valid NeedRequest request) {
        needs.amend(needId, request);
        return Response.noContent().build();
    }

    @POST
    @Path("{needId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Withdraw a need", description = "With a reason, while no mission has started on it.")
    public Response withdraw(@PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
                             @NotNull(message = "a JSON body is required") @Valid WithdrawalRequest request) {
        needs.withdraw(needId, request.reason());
        return Response.noContent().build();
    }
}
