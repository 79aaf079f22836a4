package fr.alize.volunteer.partner;

import fr.alize.platform.web.Uuids;
import fr.alize.programme.Roles;
import fr.alize.volunteer.partner.PartnerCommands.Pledge;
import fr.alize.volunteer.partner.PartnerDirectory.PartnerView;
import fr.alize.volunteer.volunteer.VolunteerData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.util.List;

/** Partner companies over HTTP ({@link ManagingPartners}). */
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    @Inject
    ManagingPartners partners;

    public record PledgeRequest(@NotNull @Min(0) @Max(100000) Integer pledgedDays,
                                @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal dailyRate) {
    }

    public record FirstPledge(@NotNull @Min(2000) @Max(2100) Integer year,
                              @NotNull @Min(0) @Max(100000) Integer pledgedDays,
                              @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal dailyRate) {
    }

    public record EnrolPartnerRequest(@NotBlank @Size(max = 200) String name,
                                      @Size(max = 200) String group,
                                      @NotBlank @Size(max = 200) String site,
                                      @NotNull @Pattern(regexp = VolunteerData.COMMUNE_CODE, message = "must be an INSEE commune code (5 characters)") String communeCode,
                                      @Valid FirstPledge pledge) {
    }

    public record PartnerEnrolledAnswer(String partnerId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Enrol a partner company", description = "Name, group, site and commune, with the pledge of a first year if known. 409 when the name and site are already enrolled.")
    public Response enrol(@NotNull(message = "a JSON body is required") @Valid EnrolPartnerRequest request, @Context UriInfo uri) {
        Pledge pledge = request.pledge() == null ? null
                : new Pledge(request.pledge().year(), request.pledge().pledgedDays(), request.pledge().dailyRate());
        String partnerId = partners.enrol(request.name(), request.group(), request.site(), request.communeCode(), pledge);
        return Response.created(uri.getAbsolutePathBuilder().path(partnerId).build())
                .entity(new PartnerEnrolledAnswer(partnerId)).build();
    }

    @GET
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "Every partner company, with its pledges")
    public List<PartnerView> all() {
        return partners.all();
    }

    @GET
    @Path("{partnerId}")
    @RolesAllowed({Roles.CCI, Roles.ANALYST, Roles.PARTNER_HR})
    @Operation(summary = "One partner company, with its pledges", description = "A partner-hr caller sees its own company only.")
    public PartnerView one(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId) {
        return partners.one(partnerId);
    }

    @PUT
    @Path("{partnerId}/pledges/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Set a year's pledge", description = "Volunteer days pledged and the daily rate (EUR) that values time given; the same values again record nothing.")
    public Response pledge(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @NotNull(message = "a JSON body is required") @Valid PledgeRequest request) {
        partners.setPledge(partnerId, new Pledge(year, request.pledgedDays(), request.dailyRate()));
        return Response.noContent().build();
    }
}
