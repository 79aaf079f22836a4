package fr.alize.matching.mission;

import fr.alize.platform.web.Page;
import fr.alize.matching.mission.MissionEvents.MissionProposed;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.platform.jdbc.Where;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads of the mission list, in the order of proposal. Missions proposed before the list existed are folded from
 * the event store into it once, on the first read after start.
 */
@Singleton
public class MissionList {

    private static final Logger LOG = Logger.getLogger(MissionList.class);

    /** Criteria of a list; null means any. */
    public record Filter(String needId, String smeId, String volunteerId, String partnerId, MissionState state) {
    }

    @Inject
    Jdbc jdbc;
    @Inject
    MissionViews views;
    @Inject
    MissionListProjection projection;

    private volatile boolean complete;

    public Page<MissionSummary> list(Filter filter, int page, int size) {
        fillInOlderMissionsOnce();
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

    /** Once after start: the missions proposed before the list existed. */
    private void fillInOlderMissionsOnce() {
        if (complete) {
            return;
        }
        synchronized (this) {
            if (!complete) {
                fillInOlderMissions();
                complete = true;
            }
        }
    }

    /** Adds the missions of the event store that the list does not hold yet, folded from their events. */
    synchronized int fillInOlderMissions() {
        List<String[]> missing = jdbc.list("""
                SELECT e.aggregate_identifier, MIN(e.time_stamp), MAX(e.time_stamp) FROM domain_event_entry e
                WHERE e.aggregate_identifier IN (SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?)
                  AND NOT EXISTS (SELECT 1 FROM mission_list l WHERE l.mission_id = e.aggregate_identifier)
                GROUP BY e.aggregate_identifier ORDER BY MIN(e.global_index)""",
                row -> new String[]{row.getString(1), row.getString(2), row.getString(3)},
                MissionProposed.class.getName());
        for (String[] mission : missing) {
            views.find(mission[0]).ifPresent(view ->
                    projection.insertFolded(view, Instant.parse(mission[1]), Instant.parse(mission[2])));
        }
        if (!missing.isEmpty()) {
            LOG.infof("mission list: %d missions proposed before it existed were added", missing.size());
        }
        return missing.size();
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
