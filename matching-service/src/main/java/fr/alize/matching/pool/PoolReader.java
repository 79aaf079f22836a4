package fr.alize.matching.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.matching.mission.MissionState;
import fr.alize.matching.mission.Party;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the pool tables back into values for the in-memory index: everything at once, or one row by id. */
@ApplicationScoped
public class PoolReader {

    private static final String NEEDS = "SELECT * FROM pool_need WHERE published";
    private static final String VOLUNTEERS = "SELECT * FROM pool_volunteer WHERE registered";
    /** Missions with the hours of their entries that no correction replaced. */
    private static final String MISSIONS = """
            SELECT m.mission_id, m.need_id, m.volunteer_id, m.partner_id, m.state, m.declined_by,
                   COALESCE((SELECT sum(e.hours) FROM pool_time_entry e WHERE e.mission_id = m.mission_id
                             AND NOT EXISTS (SELECT 1 FROM pool_time_entry c WHERE c.corrects_entry_id = e.entry_id)), 0) AS hours
            FROM pool_mission m""";
    private static final String PLEDGES = "SELECT partner_id, pledge_year, pledged_days FROM pool_partner_pledge";
    /** Kept as running totals by {@link PoolProjection} (a year whose entries were all corrected away reads 0). */
    private static final String LOGGED = "SELECT partner_id, year, hours FROM pool_partner_hours WHERE hours <> 0";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    /** Loads every row of the pool into a new index. */
    public CandidateIndex loadAll() {
        CandidateIndex index = new CandidateIndex();
        query(NEEDS, rs -> index.putNeed(need(rs)));
        query(VOLUNTEERS, rs -> index.putVolunteer(volunteer(rs)));
        query(MISSIONS, rs -> index.putMission(mission(rs)));
        partners(null).forEach(index::putPartner);
        return index;
    }

    public PoolNeed need(String needId) {
        return one(NEEDS + " AND need_id = ?", this::need, needId);
    }

    public PoolVolunteer volunteer(String volunteerId) {
        return one(VOLUNTEERS + " AND volunteer_id = ?", this::volunteer, volunteerId);
    }

    public PoolMission mission(String missionId) {
        return one(MISSIONS + " WHERE m.mission_id = ?", this::mission, missionId);
    }

    public PartnerBalance partner(String partnerId) {
        List<PartnerBalance> balances = partners(partnerId);
        return balances.isEmpty() ? PartnerBalance.none(partnerId) : balances.get(0);
    }

    private List<PartnerBalance> partners(String partnerId) {
        Map<String, Map<Integer, Double>> pledged = new HashMap<>();
        Map<String, Map<Integer, Double>> logged = new HashMap<>();
        String only = partnerId == null ? "" : " WHERE partner_id = ?";
        Object[] args = partnerId == null ? new Object[0] : new Object[]{partnerId};
        query(PLEDGES + only, rs -> pledged.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                .put(rs.getInt(2), rs.getDouble(3)), args);
        query(LOGGED + (partnerId == null ? "" : " AND partner_id = ?"),
                rs -> logged.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(rs.getInt(2), rs.getDouble(3)), args);
        List<PartnerBalance> balances = new ArrayList<>();
        for (String id : union(pledged, logged)) {
            balances.add(new PartnerBalance(id, Map.copyOf(pledged.getOrDefault(id, Map.of())),
                    Map.copyOf(logged.getOrDefault(id, Map.of()))));
        }
        return balances;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> ids = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(id -> !a.containsKey(id)).forEach(ids::add);
        return ids;
    }

    private PoolNeed need(ResultSet rs) throws SQLException {
        return new PoolNeed(rs.getString("need_id"), rs.getString("sme_id"), rs.getString("status"),
                Skill.listFrom(parse(rs.getString("skills"))), rs.getDouble("effort_days"),
                localDate(rs, "window_start"), localDate(rs, "window_end"), rs.getString("commune_code"));
    }

    private PoolVolunteer volunteer(ResultSet rs) throws SQLException {
        return new PoolVolunteer(rs.getString("volunteer_id"), rs.getString("partner_id"), rs.getString("status"),
                Skill.listFrom(parse(rs.getString("skills"))), rs.getDouble("days_per_month"),
                Absence.listFrom(parse(rs.getString("absences"))), rs.getString("commune_code"));
    }

    private PoolMission mission(ResultSet rs) throws SQLException {
        String declinedBy = rs.getString("declined_by");
        return new PoolMission(rs.getString("mission_id"), rs.getString("need_id"), rs.getString("volunteer_id"),
                rs.getString("partner_id"), MissionState.valueOf(rs.getString("state")),
                declinedBy == null ? null : Party.valueOf(declinedBy), rs.getDouble("hours"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json == null ? "[]" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private <T> T one(String sql, RowReader<T> reader, String id) {
        List<T> found = new ArrayList<>();
        query(sql, rs -> found.add(reader.read(rs)), id);
        return found.isEmpty() ? null : found.get(0);
    }

    private void query(String sql, RowConsumer consumer, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pool query failed: " + e.getMessage(), e);
        }
    }
}
