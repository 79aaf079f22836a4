package fr.alize.needs.sme;

import fr.alize.platform.web.Uuids;
import fr.alize.needs.infrastructure.Ids;
import fr.alize.platform.web.Page;
import fr.alize.needs.infrastructure.QueryParams;
import fr.alize.needs.sme.SmeViews.Contact;
import fr.alize.needs.sme.SmeViews.EmploymentView;
import fr.alize.needs.sme.SmeViews.SmeView;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** SMEs over HTTP: application, the committee's decision, profile, employment follow-up ({@link SmeEnrolment}). */
@Path("/smes")
@Produces(MediaType.APPLICATION_JSON)
public class SmeResource {

    private static final String NAF_PATTERN = "^(?i)[0-9]{2}\\.[0-9]{2}[A-Z]$";
    private static final String NAF_MESSAGE = "must be a NAF code NN.NNX (e.g. 47.76Z)";
    private static final String PHONE_PATTERN = "^\\+?[0-9 .()-]{6,30}$";

    @Inject
    SmeEnrolment enrolment;

    public record ContactRequest(@NotBlank @Size(max = 200) String name,
                                 @NotBlank @Email @Size(max = 254) @Schema(example = "claire@fleurs-hainaut.fr") String email,
                                 @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number")
                                 @Schema(example = "+33 3 27 00 00 00") String phone) {
        Contact toContact() {
            return new Contact(name.strip(), email.strip(), phone == null ? null : phone.strip());
        }
    }

    public record ApplicationRequest(
            @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
            @NotNull @Pattern(regexp = "^[0-9]{14}$", message = "must be 14 digits") @Schema(example = "73282932000074") String siret,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = NAF_PATTERN, message = NAF_MESSAGE) @Schema(example = "47.76Z") String nafCode,
            @NotNull @Pattern(regexp = Ids.COMMUNE_PATTERN, message = Ids.COMMUNE_MESSAGE) @Schema(example = "59606") String communeCode,
            @NotNull @Min(0) @Max(Sme.MAX_HEADCOUNT_AT_APPLICATION) Integer headcount,
            @NotNull @Min(0) @Max(10000) Integer hiringPlanJobs,
            @NotNull @Valid ContactRequest contact) {
    }

    public record DecisionRequest(@NotNull Decision decision, @NotBlank @Size(max = 2000) String reason) {
    }

    /** Every field is optional; what is absent stays as it is. */
    public record ProfileRequest(
            @Size(min = 1, max = 200) String name,
            @Pattern(regexp = NAF_PATTERN, message = NAF_MESSAGE) @Schema(example = "47.76Z") String nafCode,
            @Pattern(regexp = Ids.COMMUNE_PATTERN, message = Ids.COMMUNE_MESSAGE) @Schema(example = "59606") String communeCode,
            @Min(0) Integer headcount,
            @Valid ContactRequest contact) {
    }

    public record HeadcountRequest(@NotNull LocalDate date, @NotNull @Min(0) Integer headcount) {
    }

    public record JobReportRequest(@NotNull LocalDate date, @NotNull @Min(1) @Max(10000) Integer count,
                                   @NotNull JobKind kind, @NotNull ContractType contractType) {
    }

    public record SmeCreated(String smeId) {
    }

    public record JobReportCreated(String reportId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Apply to the programme",
            description = "The CCI enrols an SME (or an SME token applies for the SME it names). 409 when the SIRET has already applied.")
    public Response apply(@NotNull(message = "a JSON body is required") @Valid ApplicationRequest request,
                          @Context UriInfo uri) {
        String smeId = enrolment.apply(new SmeEnrolment.Application(request.smeId(), request.siret(), request.name(),
                request.nafCode(), request.communeCode(), request.headcount(), request.hiringPlanJobs(),
                request.contact().toContact()));
        return Response.created(uri.getAbsolutePathBuilder().path(smeId).build()).entity(new SmeCreated(smeId)).build();
    }

    @GET
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "List SMEs", description = "In application order, optionally of one status (APPLIED lists the committee's queue).")
    public Page<SmeView> list(@QueryParam("status") String status,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return enrolment.list(QueryParams.enumValue(SmeStatus.class, "status", status), page, size);
    }

    @GET
    @Path("{smeId}")
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Get an SME", description = "Its profile, baseline headcount, status and contact person.")
    public SmeView get(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId) {
        return enrolment.get(smeId);
    }

    @POST
    @Path("{smeId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Record the selection committee's decision", description = "APPROVED or REJECTED, with a reason; once only.")
    public Response decide(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
                           @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
        enrolment.decide(smeId, request.decision(), request.reason());
        return Response.noContent().build();
    }

    @PATCH
    @Path("{smeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Update an SME's profile", description = "Name, NAF code, commune, current headcount, contact; the baseline headcount never changes.")
    public Response updateProfile(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
                                  @NotNull(message = "a JSON body is required") @Valid ProfileRequest request) {
        enrolment.updateProfile(smeId, new SmeEnrolment.ProfileChange(request.name(), request.nafCode(),
                request.communeCode(), request.headcount(), request.contact() == null ? null : request.contact().toContact()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{smeId}/contact")
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Erase the SME's contact person",
            description = "Deletes the contact's name, e-mail and phone for good and records SmeContactErased; a new contact may be set later. Erasing again records nothing.")
    public Response eraseContact(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId) {
        enrolment.eraseContact(smeId);
        return Response.noContent().build();
    }

    @POST
    @Path("{smeId}/headcount-declarations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Declare the headcount at a date", description = "Not in the future, not before the approval.")
    public Response declareHeadcount(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
                                     @NotNull(message = "a JSON body is required") @Valid HeadcountRequest request) {
        enrolment.declareHeadcount(smeId, request.date(), request.headcount());
        return Response.noContent().build();
    }

    @POST
    @Path("{smeId}/job-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "Report jobs created or preserved", description = "Date, count, kind and contract type; not in the future, not before the approval.")
    public Response reportJobs(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId,
                               @NotNull(message = "a JSON body is required") @Valid JobReportRequest request,
                               @Context UriInfo uri) {
        String reportId = enrolment.reportJobs(smeId, request.date(), request.count(), request.kind(), request.contractType());
        return Response.created(uri.getBaseUriBuilder().path("smes").path(Ids.lower(smeId)).path("employment").build())
                .entity(new JobReportCreated(reportId)).build();
    }

    @GET
    @Path("{smeId}/employment")
    @RolesAllowed({Roles.CCI, Roles.SME})
    @Operation(summary = "An SME's employment history", description = "Baseline, headcount declarations and job reports in date order, with totals.")
    public EmploymentView employment(@PathParam("smeId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String smeId) {
        return enrolment.employment(smeId);
    }
}
