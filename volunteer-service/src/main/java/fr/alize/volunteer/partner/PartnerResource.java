package fr.alize.volunteer.partner;

import fr.alize.platform.web.Uuids;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.security.Roles;
import fr.alize.volunteer.partner.PartnerCommands.EnrolPartner;
import fr.alize.volunteer.partner.PartnerCommands.Pledge;
import fr.alize.volunteer.partner.PartnerCommands.SetPledge;
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
import java.util.UUID;

@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    @Inject
    Commands commands;
    @Inject
    PartnerDirectory partners;
    @Inject
    PartnerAccess access;

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
        String name = request.name().strip();
        String site = request.site().strip();
        if (partners.nameAndSiteTaken(name, site)) {
            throw new ConflictException("A partner company with this name and site is already enrolled.");
        }
        String partnerId = UUID.randomUUID().toString();
        Pledge pledge = request.pledge() == null ? null
                : new Pledge(request.pledge().year(), request.pledge().pledgedDays(), request.pledge().dailyRate());
        String group = request.group() == null || request.group().isBlank() ? null : request.group().strip();
        commands.send(new EnrolPartner(partnerId, name, group, site, request.communeCode(), pledge));
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
        access.requireReader(partnerId);
        return partners.find(partnerId).orElseThrow(() -> new NotFoundException("No partner company " + partnerId + "."));
    }

    @PUT
    @Path("{partnerId}/pledges/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Set a year's pledge", description = "Volunteer days pledged and the daily rate (EUR) that values time given; the same values again record nothing.")
    public Response pledge(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @NotNull(message = "a JSON body is required") @Valid PledgeRequest request) {
        access.requireManager(partnerId);
        commands.send(new SetPledge(partnerId, new Pledge(year, request.pledgedDays(), request.dailyRate())));
        return Response.noContent().build();
    }
}
