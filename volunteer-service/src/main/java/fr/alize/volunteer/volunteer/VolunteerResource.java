package fr.alize.volunteer.volunteer;

import fr.alize.platform.web.Uuids;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;


/** One volunteer over HTTP ({@link ManagingVolunteers}). */
@Path("/volunteers")
@Produces(MediaType.APPLICATION_JSON)
public class VolunteerResource {

    @Inject
    ManagingVolunteers volunteers;

    public record OffboardRequest(@NotNull OffboardReason reason) {
    }

    @GET
    @Path("{volunteerId}")
    @RolesAllowed({Roles.CCI, Roles.PARTNER_HR, Roles.VOLUNTEER})
    @Operation(summary = "One volunteer", description = "Name and contact are absent once erased.")
    public VolunteerView one(@PathParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId) {
        return volunteers.one(volunteerId);
    }

    @PUT
    @Path("{volunteerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.PARTNER_HR})
    @Operation(summary = "Update a volunteer", description = "Full new profile and personal data; 409 once offboarded.")
    public Response update(@PathParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId,
                           @NotNull(message = "a JSON body is required") VolunteerData request) {
        volunteers.update(volunteerId, request);
        return Response.noContent().build();
    }

    @POST
    @Path("{volunteerId}/pause")
    @RolesAllowed({Roles.CCI, Roles.PARTNER_HR, Roles.VOLUNTEER})
    @Operation(summary = "Pause a volunteer", description = "No new proposals until resumed; 409 once offboarded.")
    public Response pause(@PathParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId) {
        volunteers.pause(volunteerId);
        return Response.noContent().build();
    }

    @POST
    @Path("{volunteerId}/resume")
    @RolesAllowed({Roles.CCI, Roles.PARTNER_HR, Roles.VOLUNTEER})
    @Operation(summary = "Resume a paused volunteer", description = "409 once offboarded.")
    public Response resume(@PathParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId) {
        volunteers.resume(volunteerId);
        return Response.noContent().build();
    }

    @POST
    @Path("{volunteerId}/offboarding")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.PARTNER_HR})
    @Operation(summary = "Offboard a volunteer", description = "Left the company or stopped volunteering; final.")
    public Response offboard(@PathParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId,
                             @NotNull(message = "a JSON body is required") @Valid OffboardRequest request) {
        volunteers.offboard(volunteerId, request.reason());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{volunteerId}/personal-data")
    @RolesAllowed({Roles.CCI, Roles.PARTNER_HR})
    @Operation(summary = "Erase a volunteer's personal data", description = "Deletes name and contact for good and offboards the volunteer; the pseudonymous id stays.")
    public Response erase(@PathParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId) {
        volunteers.erase(volunteerId);
        return Response.noContent().build();
    }
}
