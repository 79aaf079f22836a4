package fr.alize.needs.need;

import fr.alize.platform.web.Uuids;
import fr.alize.needs.infrastructure.Ids;
import fr.alize.platform.web.Page;
import fr.alize.needs.infrastructure.QueryParams;
import fr.alize.needs.need.NeedCommands.AmendNeed;
import fr.alize.needs.need.NeedCommands.PublishNeed;
import fr.alize.needs.need.NeedCommands.WithdrawNeed;
import fr.alize.needs.need.NeedQueries.NeedFilter;
import fr.alize.needs.need.NeedRequests.NeedRequest;
import fr.alize.needs.need.NeedRequests.WithdrawalRequest;
import fr.alize.needs.sme.SmeRegister;
import fr.alize.needs.sme.SmeStatus;
import fr.alize.needs.sme.SmeViews.SmeView;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.AccessDeniedException;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.security.Caller;
import fr.alize.platform.security.Roles;
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
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedResource {

    @Inject
    Commands commands;
    @Inject
    Caller caller;
    @Inject
    SmeRegister smes;
    @Inject
    NeedQueries queries;

    public record NeedCreated(String needId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Publish a need", description = "Only an approved SME publishes needs; an SME publishes for itself, the CCI names the SME.")
    public Response publish(@NotNull(message = "a JSON body is required") @Valid NeedRequest request, @Context UriInfo uri) {
        SmeView sme = approvedSme(smeFor(request.smeId()));
        String needId = UUID.randomUUID().toString();
        commands.send(new PublishNeed(needId, sme.smeId(), request.toDetails(sme.communeCode())));
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
        String sme = caller.is(Roles.CCI) ? null : caller.smeId().map(Ids::lower).orElseThrow(AccessDeniedException::new);
        return queries.list(new NeedFilter(sme, QueryParams.enumValue(NeedStatus.class, "status", status),
                QueryParams.enumValue(NeedCategory.class, "category", category), Ids.upper(commune), skill), page, size);
    }

    @GET
    @Path("{needId}")
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Get a need")
    public NeedView get(@PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId) {
        NeedView need = queries.find(Ids.lower(needId)).filter(this::visible).orElse(null);
        if (need == null) {
            throw caller.is(Roles.CCI) ? new NotFoundException("No such need.") : new AccessDeniedException();
        }
        return need;
    }

    @PUT
    @Path("{needId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Amend a need", description = "The full new state, while no mission has started on it; an identical amendment records nothing.")
    public Response amend(@PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
                          @NotNull(message = "a JSON body is required") @Valid NeedRequest request) {
        String id = Ids.lower(needId);
        String actingSme = actingSme();
        String smeOfNeed = queries.find(id).map(NeedView::smeId).orElse(null);
        String defaultCommune = smeOfNeed == null ? null : smes.find(smeOfNeed).map(SmeView::communeCode).orElse(null);
        sendToNeed(new AmendNeed(id, actingSme, request.toDetails(defaultCommune)), actingSme);
        return Response.noContent().build();
    }

    @POST
    @Path("{needId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Withdraw a need", description = "With a reason, while no mission has started on it.")
    public Response withdraw(@PathParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
                             @NotNull(message = "a JSON body is required") @Valid WithdrawalRequest request) {
        String actingSme = actingSme();
        sendToNeed(new WithdrawNeed(Ids.lower(needId), actingSme, request.reason().strip()), actingSme);
        return Response.noContent().build();
    }

    private void sendToNeed(Object command, String actingSme) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException e) {
            if (actingSme != null) {
                throw new AccessDeniedException(); // an SME learns nothing about needs that are not its own
            }
            throw e;
        }
    }

    private boolean visible(NeedView need) {
        return caller.is(Roles.CCI) || caller.smeId().map(Ids::lower).filter(need.smeId()::equals).isPresent();
    }

    private String actingSme() {
        return caller.is(Roles.CCI) ? null : caller.smeId().map(Ids::lower).orElseThrow(AccessDeniedException::new);
    }

    /** The CCI must name the SME; an SME acts for the one its token names (and may repeat it). */
    private String smeFor(String requested) {
        if (caller.is(Roles.CCI)) {
            if (requested == null) {
                throw new InvalidInputException("smeId", "is required when the CCI publishes a need");
            }
            return Ids.lower(requested);
        }
        String own = actingSme();
        if (requested != null && !Ids.lower(requested).equals(own)) {
            throw new AccessDeniedException();
        }
        return own;
    }

    /** Only an SME the committee approved publishes needs. */
    private SmeView approvedSme(String smeId) {
        SmeView sme = smes.find(smeId).orElse(null);
        if (sme == null && caller.is(Roles.CCI)) {
            throw new InvalidInputException("smeId", "is not an SME that applied");
        }
        if (sme == null || sme.status() != SmeStatus.APPROVED) {
            throw new ConflictException("Only an SME approved by the selection committee publishes needs; this one is "
                    + (sme == null ? "not enrolled" : sme.status()) + ".");
        }
        return sme;
    }
}
