package fr.alize.needs.need;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.platform.jdbc.Where;
import fr.alize.platform.web.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the needs read model. Lists are in publication order, which never changes: paging is stable. */
@Singleton
public class NeedQueries {

    /** Criteria of a list; null means any. */
    public record NeedFilter(String smeId, NeedStatus status, NeedCategory category, String communeCode, String skillId) {
    }

    @Inject
    Jdbc jdbc;

    public Optional<NeedView> find(String needId) {
        Map<String, List<Skill>> skills = skillsOf(List.of(needId));
        return jdbc.one("SELECT * FROM need WHERE need_id = ?", row -> need(row, skills), needId);
    }

    public Page<NeedView> list(NeedFilter filter, int page, int size) {
        Where where = new Where()
                .and("n.sme_id = ?", filter.smeId())
                .and("n.status = ?", filter.status())
                .and("n.category = ?", filter.category())
                .and("n.commune_code = ?", filter.communeCode())
                .and("EXISTS (SELECT 1 FROM need_skill s WHERE s.need_id = n.need_id AND s.skill_id = ?)", filter.skillId());
        long total = jdbc.count("SELECT count(*) FROM need n" + where.sql(), where.parameters());
        List<String> ids = jdbc.list("SELECT n.need_id FROM need n" + where.sql() + " ORDER BY n.position LIMIT ? OFFSET ?",
                row -> row.getString(1), where.parametersForPage(page, size));
        Map<String, List<Skill>> skills = skillsOf(ids);
        List<NeedView> items = ids.isEmpty() ? List.of() : jdbc.list(
                "SELECT * FROM need WHERE need_id = ANY (?) ORDER BY position", row -> need(row, skills),
                (Object) ids.toArray(String[]::new));
        return new Page<>(items, page, size, total);
    }

    /** Open needs whose window ended before {@code today}: the expiry job's work list. */
    public List<String> openNeedsEndedBefore(LocalDate today) {
        return jdbc.list("SELECT need_id FROM need WHERE status = 'PUBLISHED' AND window_end < ? ORDER BY position",
                row -> row.getString(1), today);
    }

    public boolean exists(String needId) {
        return jdbc.count("SELECT count(*) FROM need WHERE need_id = ?", needId) > 0;
    }

    private Map<String, List<Skill>> skillsOf(List<String> needIds) {
        Map<String, List<Skill>> skills = new LinkedHashMap<>();
        if (needIds.isEmpty()) {
            return skills;
        }
        jdbc.list("SELECT need_id, skill_id, level FROM need_skill WHERE need_id = ANY (?) ORDER BY need_id, skill_id",
                row -> skills.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                        .add(new Skill(row.getString(2), row.getInt(3))),
                (Object) needIds.toArray(String[]::new));
        return skills;
    }

    private static NeedView need(ResultSet row, Map<String, List<Skill>> skills) throws SQLException {
        String needId = row.getString("need_id");
        return new NeedView(needId, row.getString("sme_id"), NeedStatus.valueOf(row.getString("status")),
                NeedCategory.valueOf(row.getString("category")), row.getString("title"), row.getString("description"),
                skills.getOrDefault(needId, List.of()), new java.math.BigDecimal(row.getBigDecimal("effort_days").stripTrailingZeros().toPlainString()),
                row.getObject("window_start", LocalDate.class), row.getObject("window_end", LocalDate.class),
                row.getString("commune_code"), row.getString("mission_id"), row.getString("close_reason"),
                row.getTimestamp("published_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
