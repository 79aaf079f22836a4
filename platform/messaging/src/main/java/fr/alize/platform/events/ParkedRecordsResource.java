package fr.alize.platform.events;

import fr.alize.platform.errors.NotFoundException;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The records this service's consumers parked, for the CCI: list, look at, replay. */
@Path("/admin/parked-records")
@RolesAllowed(Roles.CCI)
public class ParkedRecordsResource {

    /** An optional corrected value to apply instead of the parked one (the parked one stays as it was). */
    public record ReplayRequest(@Size(max = 1_000_000) String value) {
    }

    @Inject
    ParkedRecords parked;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parked records", description = "Records a consumer could never apply, newest first, with"
            + " their position, headers, value and reason; open=false lists the replayed ones too.")
    public List<ParkedRecords.Parked> list(@QueryParam("open") @DefaultValue("true") @Pattern(regexp = "true|false") String open,
                                           @QueryParam("consumer") @Size(max = 100) String consumer,
                                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parked.list(Boolean.parseBoolean(open), consumer, limit);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One parked record")
    public ParkedRecords.Parked get(@PathParam("id") long id) {
        return parked.find(id).orElseThrow(() -> new NotFoundException("No parked record " + id + "."));
    }

    @POST
    @Path("/{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a parked record", description = "Applies the record again through the consumer that"
            + " parked it, with the corrected value when one is given; applied at most once. Answers APPLIED, or"
            + " DUPLICATE when it had been applied already; 409 with the new reason when it still cannot be applied.")
    public ParkedRecords.Replay replay(@PathParam("id") long id, @Valid ReplayRequest request) {
        return parked.replay(id, request == null ? null : request.value());
    }
}
