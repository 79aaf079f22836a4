package fr.alize.volunteer.hr;

import fr.alize.platform.web.Uuids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.platform.errors.ProblemException;
import fr.alize.programme.Roles;
import fr.alize.platform.web.Page;
import fr.alize.platform.web.TextInput;
import fr.alize.volunteer.partner.ManagingPartners;
import fr.alize.volunteer.partner.ManagingPartners.ManagedPartner;
import fr.alize.volunteer.volunteer.ManagingVolunteers;
import fr.alize.volunteer.skills.SkillCatalogue;
import fr.alize.volunteer.volunteer.RowResult;
import fr.alize.volunteer.volunteer.VolunteerData;
import fr.alize.volunteer.volunteer.VolunteerDirectory.Filter;
import fr.alize.volunteer.volunteer.VolunteerStatus;
import fr.alize.volunteer.volunteer.VolunteerView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A partner company's volunteers, as its HR system (or the CCI) manages them: register one, list them with filters,
 * and the machine-client API: bulk upsert keyed by the partner's employee reference (JSON or CSV), bulk
 * offboarding. Repeating a request changes nothing; repeating it with the same {@code Idempotency-Key} replays the
 * first answer (header {@code Idempotent-Replayed: true}); the same key with another request is a 422, and while the
 * first request with a key is still running another one with it is a 409. Keys expire ({@link IdempotencyStore}).
 */
@Path("/partners/{partnerId}/volunteers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CCI, Roles.PARTNER_HR})
public class PartnerVolunteersResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final String CSV = "text/csv";

    @Inject
    ManagingPartners partners;
    @Inject
    ManagingVolunteers volunteers;
    @Inject
    BulkRows rows;
    @Inject
    IdempotencyStore answers;
    @Inject
    BulkAdmission admission;
    @Inject
    ObjectMapper mapper;
    @Inject
    SkillCatalogue catalogue;

    public record VolunteerRegisteredAnswer(String volunteerId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register one volunteer", description = "409 when the partner already has a volunteer with this employee reference.")
    public Response register(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                             @NotNull(message = "a JSON body is required") VolunteerData request, @Context UriInfo uri) {
        String volunteerId = volunteers.register(partners.manage(partnerId), request);
        return Response.created(uri.getBaseUriBuilder().path("volunteers").path(volunteerId).build())
                .entity(new VolunteerRegisteredAnswer(volunteerId)).build();
    }

    @GET
    @Operation(summary = "A partner's volunteers", description = "Filters: skill (with level = minimum level), commune, status; paged (page from 0, size up to 200).")
    public Page<VolunteerView> list(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                     @QueryParam("skill") String skill, @QueryParam("level") @Min(1) @Max(4) Integer level,
                     @QueryParam("commune") @Pattern(regexp = VolunteerData.COMMUNE_CODE, message = "must be an INSEE commune code (5 characters)") String commune,
                     @QueryParam("status") String status,
                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        ManagedPartner partner = partners.manage(partnerId);
        List<FieldError> errors = new ArrayList<>();
        if (skill != null) {
            catalogue.problemWith(skill).ifPresent(problem -> errors.add(new FieldError("skill", problem)));
        } else if (level != null) {
            errors.add(new FieldError("level", "filters on a skill: give skill too"));
        }
        VolunteerStatus wanted = null;
        if (status != null) {
            try {
                wanted = VolunteerStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(VolunteerStatus.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return volunteers.list(partner, new Filter(skill, level, commune, wanted), page, size);
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update up to 1,000 volunteers",
            description = "Body {\"volunteers\": [rows]}, each row keyed by employeeRef. Per-row results: CREATED, UPDATED, UNCHANGED or REJECTED with reasons.")
    public Response upsertJson(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                               @HeaderParam(IDEMPOTENCY_KEY) String key, byte[] body) {
        ManagedPartner partner = partners.manage(partnerId);
        return once(partnerId, key, "upsert-json", body, () -> volunteers.upsert(partner, rows.volunteersFromJson(body)));
    }

    @POST
    @Path("bulk")
    @Consumes(CSV)
    @Operation(summary = "Create or update volunteers from a CSV file",
            description = "UTF-8, a header row, ';' or ',' separated; columns employeeRef, name, email, phone, skills (id:level|id:level), daysPerMonth, absences (from/to|from/to), communeCode, maxTravelKm. Same results as the JSON form.")
    public Response upsertCsv(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                              @HeaderParam(IDEMPOTENCY_KEY) String key, byte[] body) {
        ManagedPartner partner = partners.manage(partnerId);
        return once(partnerId, key, "upsert-csv", body, () -> volunteers.upsert(partner, rows.volunteersFromCsv(body)));
    }

    @POST
    @Path("offboarding")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offboard volunteers who left",
            description = "Body {\"volunteers\": [{\"employeeRef\", \"reason\": LEFT_COMPANY|STOPPED_VOLUNTEERING}]}. Per-row results: OFFBOARDED, UNCHANGED (already) or REJECTED.")
    public Response offboard(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                             @HeaderParam(IDEMPOTENCY_KEY) String key, byte[] body) {
        ManagedPartner partner = partners.manage(partnerId);
        return once(partnerId, key, "offboard", body, () -> volunteers.offboard(partner, rows.offboardingsFromJson(body)));
    }

    private Response once(String partnerId, String key, String operation, byte[] body,
                          Supplier<List<RowResult>> rowsApplied) {
        Supplier<List<RowResult>> work = () -> admission.run(rowsApplied);
        if (key == null) {
            return Response.ok(BulkReport.of(work.get())).build();
        }
        if (key.isBlank() || key.length() > 100) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "must be 1 to 100 characters");
        }
        TextInput.problemWith(key).ifPresent(problem -> {
            throw new InvalidInputException(IDEMPOTENCY_KEY, problem);
        });
        String hash = sha256(operation, body);
        IdempotencyStore.Claim claim = answers.claim(partnerId, key, hash);
        if (claim instanceof IdempotencyStore.Replay replay) {
            return Response.status(replay.status()).type(MediaType.APPLICATION_JSON)
                    .entity(replay.response()).header(REPLAYED, "true").build();
        }
        if (claim instanceof IdempotencyStore.OtherRequest) {
            throw new ProblemException(422, "Unprocessable Content", "This Idempotency-Key was used for another request; use a new key.",
                    List.of(new FieldError(IDEMPOTENCY_KEY, "was used for another request")));
        }
        if (claim instanceof IdempotencyStore.InFlight) {
            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry once it has answered.");
        }
        BulkReport report;
        String json;
        try {
            report = BulkReport.of(work.get());
            json = mapper.writeValueAsString(report);
        } catch (RuntimeException | JsonProcessingException e) {
            answers.release(partnerId, key);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        answers.complete(partnerId, key, 200, json);
        return Response.ok(report).build();
    }

    private static String sha256(String operation, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
