package fr.alize.matching.pool;

import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.platform.events.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.alize.contracts.MissionsTopic.MISSION_CANCELLED;
import static fr.alize.contracts.MissionsTopic.MISSION_COMPLETED;
import static fr.alize.contracts.MissionsTopic.MISSION_DECLINED;
import static fr.alize.contracts.MissionsTopic.MISSION_PROPOSED;
import static fr.alize.contracts.MissionsTopic.MISSION_STARTED;
import static fr.alize.contracts.MissionsTopic.TIME_LOGGED;
import static fr.alize.contracts.NeedsTopic.NEED_AMENDED;
import static fr.alize.contracts.NeedsTopic.NEED_EXPIRED;
import static fr.alize.contracts.NeedsTopic.NEED_FULFILLED;
import static fr.alize.contracts.NeedsTopic.NEED_MATCHED;
import static fr.alize.contracts.NeedsTopic.NEED_PUBLISHED;
import static fr.alize.contracts.NeedsTopic.NEED_REOPENED;
import static fr.alize.contracts.NeedsTopic.NEED_WITHDRAWN;
import static fr.alize.contracts.VolunteersTopic.PARTNER_PLEDGE_SET;
import static fr.alize.contracts.VolunteersTopic.VOLUNTEER_OFFBOARDED;
import static fr.alize.contracts.VolunteersTopic.VOLUNTEER_PAUSED;
import static fr.alize.contracts.VolunteersTopic.VOLUNTEER_PERSONAL_DATA_ERASED;
import static fr.alize.contracts.VolunteersTopic.VOLUNTEER_REGISTERED;
import static fr.alize.contracts.VolunteersTopic.VOLUNTEER_RESUMED;
import static fr.alize.contracts.VolunteersTopic.VOLUNTEER_UPDATED;

/**
 * Writes the events of the needs, volunteers and missions topics into the pool tables. Every write keeps, per row
 * part, the highest aggregate version applied, so a replay from offset 0, a duplicate or an older event arriving
 * late leaves the newest state in place. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class PoolProjection {

    /** Kinds of row a {@code pool_changed} notification names. */
    static final String NEED = "need";
    static final String VOLUNTEER = "volunteer";
    static final String MISSION = "mission";
    /** A rebuild emptied the tables ({@code rebuild:id}): every other instance rewinds its partitions ({@link PoolRebuild}). */
    static final String REBUILD = "rebuild";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Tells every instance, once the current transaction commits, that the pool rows of this id changed
     * ({@code kind:id}, see {@link PoolChanges}).
     */
    public void changed(String kind, String id) {
        update("SELECT pg_notify('" + PoolChanges.CHANNEL + "', ?)", kind + ":" + id);
    }

    /** The status each needs-topic event gives a need. */
    private static final Map<String, String> NEED_STATUS = Map.of(NEED_PUBLISHED, PoolNeed.OPEN,
            NEED_REOPENED, PoolNeed.OPEN, NEED_MATCHED, "MATCHED", NEED_WITHDRAWN, "CLOSED", NEED_EXPIRED, "CLOSED",
            NEED_FULFILLED, "CLOSED");
    /** The status each volunteers-topic event gives a volunteer. */
    private static final Map<String, String> VOLUNTEER_STATUS = Map.of(VOLUNTEER_REGISTERED, PoolVolunteer.ACTIVE,
            VOLUNTEER_RESUMED, PoolVolunteer.ACTIVE, VOLUNTEER_PAUSED, "PAUSED", VOLUNTEER_OFFBOARDED, "OFFBOARDED",
            VOLUNTEER_PERSONAL_DATA_ERASED, "ERASED");
    /** The state each missions-topic event gives a mission (MissionAccepted changes none). */
    private static final Map<String, String> MISSION_STATE = Map.of(MISSION_PROPOSED, "PROPOSED",
            MISSION_STARTED, "STARTED", MISSION_DECLINED, "DECLINED", MISSION_COMPLETED, "COMPLETED",
            MISSION_CANCELLED, "CANCELLED");

    /** The events of each topic that change the pool: the others are acknowledged without a transaction. */
    static final Set<String> NEED_EVENTS = with(NEED_STATUS.keySet(), NEED_PUBLISHED, NEED_AMENDED);
    static final Set<String> VOLUNTEER_EVENTS = with(VOLUNTEER_STATUS.keySet(), VOLUNTEER_REGISTERED, VOLUNTEER_UPDATED,
            PARTNER_PLEDGE_SET);
    static final Set<String> MISSION_EVENTS = with(MISSION_STATE.keySet(), TIME_LOGGED);

    private static Set<String> with(Set<String> types, String... more) {
        Set<String> all = new HashSet<>(types);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** Applies a needs-topic event; returns the need id it touched, or null when it ignored the event. */
    public String applyNeedEvent(EventEnvelope event) {
        JsonNode data = event.data();
        String needId = text(data, "needId");
        boolean content = NEED_PUBLISHED.equals(event.type()) || NEED_AMENDED.equals(event.type());
        String status = NEED_STATUS.get(event.type());
        if (needId == null || !content && status == null) {
            return null;
        }
        if (content) {
            needContent(needId, data, event.aggregateVersion());
        }
        if (status != null) {
            needStatus(needId, data, status, event.aggregateVersion());
        }
        return needId;
    }

    /** Applies a volunteers-topic event; returns the volunteer or partner id touched, or null when ignored. */
    public String applyVolunteerEvent(EventEnvelope event) {
        JsonNode data = event.data();
        if (PARTNER_PLEDGE_SET.equals(event.type())) {
            String partnerId = text(data, "partnerId");
            if (partnerId != null && data.path("year").canConvertToInt()) {
                pledge(partnerId, data.path("year").asInt(), data.path("pledgedDays").decimalValue(), event.aggregateVersion());
            }
            return partnerId;
        }
        String volunteerId = text(data, "volunteerId");
        boolean profile = VOLUNTEER_REGISTERED.equals(event.type()) || VOLUNTEER_UPDATED.equals(event.type());
        String status = VOLUNTEER_STATUS.get(event.type());
        if (volunteerId == null || !profile && status == null) {
            return null;
        }
        if (profile) {
            volunteerProfile(volunteerId, data, event.aggregateVersion());
        }
        if (status != null) {
            volunteerStatus(volunteerId, data, status, event.aggregateVersion());
        }
        return volunteerId;
    }

    /** Applies a missions-topic event; returns the mission id touched, or null when ignored. */
    public String applyMissionEvent(EventEnvelope event) {
        JsonNode data = event.data();
        String missionId = text(data, "missionId");
        if (missionId == null) {
            return null;
        }
        if (TIME_LOGGED.equals(event.type())) {
            timeEntry(missionId, data);
            return missionId;
        }
        String state = MISSION_STATE.get(event.type());
        if (state == null) {
            return null;
        }
        missionState(missionId, data, state, text(data, "party"), event.aggregateVersion());
        return missionId;
    }

    private void needContent(String needId, JsonNode data, long version) {
        update("""
                INSERT INTO pool_need (need_id, sme_id, skills, effort_days, window_start, window_end, commune_code,
                                       published, content_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)
                ON CONFLICT (need_id) DO UPDATE SET sme_id = COALESCE(EXCLUDED.sme_id, pool_need.sme_id),
                    skills = EXCLUDED.skills, effort_days = EXCLUDED.effort_days, window_start = EXCLUDED.window_start,
                    window_end = EXCLUDED.window_end, commune_code = EXCLUDED.commune_code, published = TRUE,
                    content_version = GREATEST(pool_need.content_version, EXCLUDED.content_version)
                WHERE EXCLUDED.content_version < 0 OR EXCLUDED.content_version > pool_need.content_version""",
                needId, text(data, "smeId"), json(data, "skills"), decimal(data, "effortDays"), date(data, "windowStart"),
                date(data, "windowEnd"), text(data, "communeCode"), version);
    }

    private void needStatus(String needId, JsonNode data, String status, long version) {
        update("""
                INSERT INTO pool_need (need_id, sme_id, status, status_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (need_id) DO UPDATE SET status = EXCLUDED.status,
                    sme_id = COALESCE(pool_need.sme_id, EXCLUDED.sme_id),
                    status_version = GREATEST(pool_need.status_version, EXCLUDED.status_version)
                WHERE EXCLUDED.status_version < 0 OR EXCLUDED.status_version > pool_need.status_version""",
                needId, text(data, "smeId"), status, version);
    }

    private void volunteerProfile(String volunteerId, JsonNode data, long version) {
        update("""
                INSERT INTO pool_volunteer (volunteer_id, partner_id, skills, days_per_month, absences, commune_code,
                                            max_travel_km, registered, profile_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)
                ON CONFLICT (volunteer_id) DO UPDATE SET partner_id = COALESCE(EXCLUDED.partner_id, pool_volunteer.partner_id),
                    skills = EXCLUDED.skills, days_per_month = EXCLUDED.days_per_month, absences = EXCLUDED.absences,
                    commune_code = EXCLUDED.commune_code, max_travel_km = EXCLUDED.max_travel_km, registered = TRUE,
                    profile_version = GREATEST(pool_volunteer.profile_version, EXCLUDED.profile_version)
                WHERE EXCLUDED.profile_version < 0 OR EXCLUDED.profile_version > pool_volunteer.profile_version""",
                volunteerId, text(data, "partnerId"), json(data, "skills"), decimal(data, "daysPerMonth"),
                json(data, "absences"), text(data, "communeCode"),
                data.path("maxTravelKm").canConvertToInt() ? data.path("maxTravelKm").asInt() : null, version);
    }

    private void volunteerStatus(String volunteerId, JsonNode data, String status, long version) {
        update("""
                INSERT INTO pool_volunteer (volunteer_id, partner_id, status, status_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (volunteer_id) DO UPDATE SET status = EXCLUDED.status,
                    partner_id = COALESCE(pool_volunteer.partner_id, EXCLUDED.partner_id),
                    status_version = GREATEST(pool_volunteer.status_version, EXCLUDED.status_version)
                WHERE EXCLUDED.status_version < 0 OR EXCLUDED.status_version > pool_volunteer.status_version""",
                volunteerId, text(data, "partnerId"), status, version);
    }

    private void pledge(String partnerId, int year, BigDecimal days, long version) {
        update("""
                INSERT INTO pool_partner_pledge (partner_id, pledge_year, pledged_days, version) VALUES (?, ?, ?, ?)
                ON CONFLICT (partner_id, pledge_year) DO UPDATE SET pledged_days = EXCLUDED.pledged_days,
                    version = GREATEST(pool_partner_pledge.version, EXCLUDED.version)
                WHERE EXCLUDED.version < 0 OR EXCLUDED.version > pool_partner_pledge.version""",
                partnerId, year, days, version);
    }

    private void missionState(String missionId, JsonNode data, String state, String declinedBy, long version) {
        update("""
                INSERT INTO pool_mission (mission_id, need_id, volunteer_id, partner_id, state, declined_by, state_version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (mission_id) DO UPDATE SET state = EXCLUDED.state, declined_by = EXCLUDED.declined_by,
                    state_version = GREATEST(pool_mission.state_version, EXCLUDED.state_version)
                WHERE EXCLUDED.state_version < 0 OR EXCLUDED.state_version > pool_mission.state_version""",
                missionId, text(data, "needId"), text(data, "volunteerId"), text(data, "partnerId"), state, declinedBy,
                version);
    }

    private void timeEntry(String missionId, JsonNode data) {
        LocalDate date = date(data, "date");
        String entryId = text(data, "entryId");
        if (entryId == null || date == null) {
            return;
        }
        String corrects = text(data, "correctsEntryId");
        int inserted = update("""
                INSERT INTO pool_time_entry (entry_id, mission_id, partner_id, entry_date, hours, corrects_entry_id)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""",
                entryId, missionId, text(data, "partnerId"), date, decimal(data, "hours"), corrects);
        if (inserted == 0) {
            return; // seen before: the totals count it already
        }
        // one statement, its rows in key order: two consumers changing the same partner's years never deadlock
        update("""
                INSERT INTO pool_partner_hours (partner_id, year, hours)
                SELECT partner_id, CAST(EXTRACT(YEAR FROM entry_date) AS INTEGER), sum(hours) FROM (
                    -- the entry counts, unless a correction of it came first (a record replayed out of order)
                    SELECT partner_id, entry_date, hours FROM pool_time_entry e WHERE entry_id = ?
                      AND NOT EXISTS (SELECT 1 FROM pool_time_entry c WHERE c.corrects_entry_id = e.entry_id)
                    UNION ALL
                    -- the entry it corrects stops counting, if it counted until now
                    SELECT partner_id, entry_date, -hours FROM pool_time_entry e WHERE entry_id = ?
                      AND NOT EXISTS (SELECT 1 FROM pool_time_entry c
                                      WHERE c.corrects_entry_id = e.entry_id AND c.entry_id <> ?)
                ) AS change (partner_id, entry_date, hours)
                WHERE partner_id IS NOT NULL
                GROUP BY 1, 2 ORDER BY 1, 2
                ON CONFLICT (partner_id, year) DO UPDATE SET hours = pool_partner_hours.hours + EXCLUDED.hours""",
                entryId, corrects, entryId);
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else if (p instanceof LocalDate d) {
                    statement.setDate(i + 1, Date.valueOf(d));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            statement.execute();
            return statement.getUpdateCount(); // -1 for pg_notify's SELECT
        } catch (SQLException e) {
            throw new IllegalStateException("pool update failed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String json(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isArray() ? node.toString() : "[]";
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static LocalDate date(JsonNode data, String field) {
        return Absence.date(data.path(field));
    }
}
