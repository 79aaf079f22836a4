package fr.alize.needs.need;

import fr.alize.needs.need.NeedCommands.AmendNeed;
import fr.alize.needs.need.NeedCommands.PublishNeed;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.AccessDeniedException;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.platform.security.Caller;
import fr.alize.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.util.UUID;

@Path("/needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedResource {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    @Inject
    Commands commands;
    @Inject
    Caller caller;

    public record PublishNeedRequest(
            @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String smeId,
            @NotNull NeedCategory category,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String description,
            @NotNull @DecimalMin("0.5") @DecimalMax("60") BigDecimal effortDays) {
    }

    public record AmendNeedRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String description,
            @NotNull @DecimalMin("0.5") @DecimalMax("60") BigDecimal effortDays) {
    }

    public record NeedCreated(String needId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Publish a need", description = "An SME publishes a need for itself; the CCI names the SME.")
    public Response publish(@NotNull(message = "a JSON body is required") @Valid PublishNeedRequest request,
                            @Context UriInfo uri) {
        String smeId = smeFor(request.smeId());
        String needId = UUID.randomUUID().toString();
        commands.send(new PublishNeed(needId, smeId, request.category(), request.title().strip(),
                request.description().strip(), request.effortDays()));
        return Response.created(uri.getAbsolutePathBuilder().path(needId).build())
                .entity(new NeedCreated(needId))
                .build();
    }

    @PUT
    @Path("{needId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Amend a need", description = "Title, description and effort; an identical amendment records nothing.")
    public Response amend(@PathParam("needId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String needId,
                          @NotNull(message = "a JSON body is required") @Valid AmendNeedRequest request) {
        String actingSme = caller.is(Roles.CCI) ? null : caller.smeId().orElseThrow(AccessDeniedException::new);
        try {
            commands.send(new AmendNeed(needId, actingSme, request.title().strip(), request.description().strip(),
                    request.effortDays()));
        } catch (AggregateNotFoundException e) {
            if (actingSme != null) {
                throw new AccessDeniedException(); // an SME learns nothing about needs that are not its own
            }
            throw e;
        }
        return Response.noContent().build();
    }

    /** The CCI must name the SME; an SME acts for the one its token names (and may repeat it). */
    private String smeFor(String requested) {
        if (caller.is(Roles.CCI)) {
            if (requested == null) {
                throw new InvalidInputException("smeId", "is required when the CCI publishes a need");
            }
            return requested.toLowerCase();
        }
        String own = caller.smeId().orElseThrow(AccessDeniedException::new);
        if (requested != null && !requested.equalsIgnoreCase(own)) {
            throw new AccessDeniedException();
        }
        return own;
    }
}
