package fr.alize.matching.mission;

import fr.alize.platform.web.Page;
import fr.alize.platform.web.Uuids;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The mission lifecycle over HTTP ({@link ProposingMissions}, {@link RunningMissions}). The CCI proposes and cancels; the SME, the volunteer and the employer (partner
 * HR) each accept or refuse for themselves; the volunteer logs time; the SME confirms completion. Each party reads
 * and acts only on its own missions; another tenant's mission answers 403, as an unknown one does.
 */
@Path("/missions")
@Produces(MediaType.APPLICATION_JSON)
public class MissionResource {


    @Inject
    ProposingMissions proposing;
    @Inject
    RunningMissions running;

    public record ProposeRequest(
            @NotNull @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
            @NotNull @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId) {
    }

    /** @param startDate when the mission starts if this acceptance is the last of the three; today when absent */
    public record AcceptRequest(LocalDate startDate) {
    }

    public record RefuseRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record LogTimeRequest(
            @NotNull LocalDate date,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") BigDecimal hours,
            @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String correctsEntryId) {
    }

    public record CompleteRequest(
            @NotBlank @Size(max = 5000) String outcome,
            @NotNull @Min(1) @Max(5) Integer satisfaction,
            LocalDate completedOn) {
    }

    public record CancelRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record MissionCreated(String missionId) {
    }

    public record TimeEntryCreated(String entryId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Propose a volunteer for a need",
            description = "The need and the volunteer must be in the candidate pool; the SME and the employer come from it.")
    public Response propose(@NotNull(message = "a JSON body is required") @Valid ProposeRequest request, @Context UriInfo uri) {
        String missionId = proposing.propose(request.needId(), request.volunteerId());
        return Response.created(uri.getAbsolutePathBuilder().path(missionId).build())
                .entity(new MissionCreated(missionId)).build();
    }

    @GET
    @RolesAllowed({Roles.CCI, Roles.SME, Roles.VOLUNTEER, Roles.PARTNER_HR})
    @Operation(summary = "List missions",
            description = "Filtered by need, SME, volunteer, employer and state, in the order of proposal. The CCI sees every "
                    + "mission; an SME, a volunteer or an employer sees only the missions it is a party to.")
    public Page<MissionSummary> list(@QueryParam("needId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String needId,
                            @QueryParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
                            @QueryParam("volunteerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String volunteerId,
                            @QueryParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                            @QueryParam("status") String status,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return running.list(needId, smeId, volunteerId, partnerId, state(status), page, size);
    }

    @GET
    @Path("{missionId}")
    @RolesAllowed({Roles.CCI, Roles.SME, Roles.VOLUNTEER, Roles.PARTNER_HR})
    @Operation(summary = "A mission", description = "Its state, who accepted, its dates and time entries.")
    public MissionView get(@PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId) {
        return running.get(missionId);
    }

    @POST
    @Path("{missionId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SME, Roles.VOLUNTEER, Roles.PARTNER_HR})
    @Operation(summary = "Accept a proposal, as the SME, the volunteer or the employer",
            description = "The body is optional. The third acceptance starts the mission on the start date it names, or today: "
                    + "not after today, not before the proposal, within the need's window (400 on startDate otherwise).")
    public MissionView accept(@PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId,
                              AcceptRequest request) {
        return running.accept(missionId, request == null ? null : request.startDate());
    }

    /** The same acceptance without a body: the start date is today if this acceptance is the last. */
    @POST
    @Path("{missionId}/acceptance")
    @RolesAllowed({Roles.SME, Roles.VOLUNTEER, Roles.PARTNER_HR})
    @Operation(hidden = true)
    public MissionView acceptWithoutBody(
            @PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId) {
        return accept(missionId, null);
    }

    @POST
    @Path("{missionId}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SME, Roles.VOLUNTEER, Roles.PARTNER_HR})
    @Operation(summary = "Refuse a proposal, with a reason", description = "Ends the proposal; the need is open again.")
    public MissionView refuse(@PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId,
                              @NotNull(message = "a JSON body is required") @Valid RefuseRequest request) {
        return running.refuse(missionId, request.reason());
    }

    @POST
    @Path("{missionId}/time-entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Log time on a running mission",
            description = "At most 10 hours a day, from the start date to today. A correction names the entry it replaces.")
    public Response logTime(@PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId,
                            @NotNull(message = "a JSON body is required") @Valid LogTimeRequest request, @Context UriInfo uri) {
        String entryId = running.logTime(missionId, request.date(), request.hours(), request.correctsEntryId());
        return Response.created(uri.getAbsolutePathBuilder().path(entryId).build())
                .entity(new TimeEntryCreated(entryId)).build();
    }

    @POST
    @Path("{missionId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SME)
    @Operation(summary = "Confirm that the mission ended", description = "By the SME, with the outcome and a satisfaction of 1 to 5.")
    public MissionView complete(@PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId,
                                @NotNull(message = "a JSON body is required") @Valid CompleteRequest request) {
        return running.complete(missionId, request.outcome(), request.satisfaction(), request.completedOn());
    }

    @POST
    @Path("{missionId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Cancel a mission before its completion", description = "By the CCI, with a reason.")
    public MissionView cancel(@PathParam("missionId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String missionId,
                              @NotNull(message = "a JSON body is required") @Valid CancelRequest request) {
        return running.cancel(missionId, request.reason());
    }

    private static MissionState state(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return MissionState.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of " + String.join(", ", Arrays.stream(MissionState.values()).map(Enum::name).toList()));
        }
    }
}
