package fr.alize.impact.dashboard;

import fr.alize.impact.report.CsvTable;
import fr.alize.impact.report.Period;
import fr.alize.impact.report.ReportParams;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The lists behind the programme's figures, the counts of the annual report's basis, and the coordinator's worklist. */
@Path("/")
@Produces({MediaType.APPLICATION_JSON, ReportParams.TEXT_CSV})
public class ProgrammeListsResource {

    @Inject
    ProgrammeLists lists;
    @Inject
    Worklist worklist;

    public record SmeList(LocalDate from, LocalDate to, Instant asOf, List<ProgrammeLists.Sme> smes) {
    }

    public record JobReportList(LocalDate from, LocalDate to, Instant asOf, long jobsCreated, long jobsPreserved,
                                List<ProgrammeLists.JobReport> reports) {
    }

    @GET
    @Path("programme/smes")
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "The SMEs counted as supported over a period (a mission first started in it, bounds included)")
    public Response smes(@QueryParam("from") String from, @QueryParam("to") String to, @BeanParam ReportParams params) {
        Period period = Period.of(from, to);
        Instant asOf = params.asOf();
        List<ProgrammeLists.Sme> smes = lists.supportedSmes(period.from(), period.to(), asOf);
        return params.respond("supported-smes", new SmeList(period.from(), period.to(), asOf, smes), () -> {
            CsvTable table = CsvTable.of("smeId", "name", "communeCode", "communeName", "epci", "nafCode", "nafSection",
                    "firstStart", "missionsStarted");
            smes.forEach(s -> table.row(s.smeId(), s.name(), s.communeCode(), s.communeName(), s.epci(), s.nafCode(),
                    s.nafSection(), s.firstStart(), s.missionsStarted()));
            return table;
        });
    }

    @GET
    @Path("programme/job-reports")
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "The job reports counted in the jobs created and preserved over a period (by report date)")
    public Response jobReports(@QueryParam("from") String from, @QueryParam("to") String to, @BeanParam ReportParams params) {
        Period period = Period.of(from, to);
        Instant asOf = params.asOf();
        List<ProgrammeLists.JobReport> reports = lists.jobReports(period.from(), period.to(), asOf);
        long created = reports.stream().filter(r -> "CREATED".equals(r.kind())).mapToLong(ProgrammeLists.JobReport::count).sum();
        long preserved = reports.stream().filter(r -> !"CREATED".equals(r.kind())).mapToLong(ProgrammeLists.JobReport::count).sum();
        return params.respond("job-reports", new JobReportList(period.from(), period.to(), asOf, created, preserved, reports), () -> {
            CsvTable table = CsvTable.of("reportId", "smeId", "smeName", "communeCode", "date", "kind", "contractType", "count");
            reports.forEach(r -> table.row(r.reportId(), r.smeId(), r.smeName(), r.communeCode(), r.date(), r.kind(),
                    r.contractType(), r.count()));
            return table;
        });
    }

    @GET
    @Path("programme/activity")
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "Missions proposed over a period and how far they went; needs published in it by category")
    public ProgrammeLists.Activity activity(@QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("asOf") String asOf) {
        Period period = Period.of(from, to);
        return lists.activity(period.from(), period.to(), asOf(asOf));
    }

    @GET
    @Path("programme/basis")
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "How many events the figures as of a date are computed from, and when the last was recorded")
    public ProgrammeLists.Basis basis(@QueryParam("asOf") String asOf) {
        return lists.basis(asOf(asOf));
    }

    @GET
    @Path("worklist")
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "What waits for someone: SMEs before the committee, needs without a proposal, proposals "
            + "awaiting a party, running missions without time logged")
    public Worklist.Items worklist(@QueryParam("days") String days, @QueryParam("asOf") String asOf) {
        int n = 14;
        if (days != null && !days.isBlank()) {
            try {
                n = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("days", "must be a whole number of days between 0 and 3650");
            }
            if (n < 0 || n > 3650) {
                throw new InvalidInputException("days", "must be a whole number of days between 0 and 3650");
            }
        }
        return worklist.items(n, asOf(asOf));
    }

    private static Instant asOf(String asOf) {
        return ReportParams.asOf(asOf);
    }
}
