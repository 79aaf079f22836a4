package fr.alize.matching.mission;

import fr.alize.platform.web.Page;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.platform.jdbc.Where;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads of the mission list, in the order of proposal. Missions proposed before the list existed were folded into it
 * by the migration V4.
 */
@Singleton
public class MissionList {

    /** Criteria of a list; null means any. */
    public record Filter(String needId, String smeId, String volunteerId, String partnerId, MissionState state) {
    }

    @Inject
    Jdbc jdbc;
    public Page<MissionSummary> list(Filter filter, int page, int size) {
        Where where = new Where()
                .and("need_id = ?", filter.needId())
                .and("sme_id = ?", filter.smeId())
                .and("volunteer_id = ?", filter.volunteerId())
                .and("partner_id = ?", filter.partnerId())
                .and("state = ?", filter.state());
        long total = jdbc.count("SELECT count(*) FROM mission_list" + where.sql(), where.parameters());
        List<MissionSummary> items = jdbc.list("SELECT * FROM mission_list" + where.sql() + " ORDER BY position LIMIT ? OFFSET ?",
                MissionList::summary, where.parametersForPage(page, size));
        return new Page<>(items, page, size, total);
    }

    private static MissionSummary summary(ResultSet row) throws SQLException {
        Set<Party> accepted = EnumSet.noneOf(Party.class);
        if (row.getBoolean("sme_accepted")) {
            accepted.add(Party.SME);
        }
        if (row.getBoolean("volunteer_accepted")) {
            accepted.add(Party.VOLUNTEER);
        }
        if (row.getBoolean("employer_accepted")) {
            accepted.add(Party.EMPLOYER);
        }
        double value = row.getDouble("score");
        Double score = row.wasNull() ? null : value;
        return new MissionSummary(row.getString("mission_id"), row.getString("need_id"), row.getString("sme_id"),
                row.getString("volunteer_id"), row.getString("partner_id"), MissionState.valueOf(row.getString("state")),
                ProposedBy.valueOf(row.getString("proposed_by")), score, accepted,
                row.getObject("start_date", LocalDate.class), row.getObject("completed_on", LocalDate.class),
                row.getTimestamp("proposed_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
