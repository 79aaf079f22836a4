package fr.alize.impact.needs;

import fr.alize.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

@Path("/stats/needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedStatsResource {

    @Inject
    AgroalDataSource dataSource;

    public record NeedStats(long publishedNeeds) {
    }

    @GET
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "Needs published so far", description = "Counted from the needs topic, each need once.")
    public NeedStats stats() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM published_need")) {
            rows.next();
            return new NeedStats(rows.getLong(1));
        }
    }
}
