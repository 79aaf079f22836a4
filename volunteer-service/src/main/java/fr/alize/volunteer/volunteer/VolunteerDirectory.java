package fr.alize.volunteer.volunteer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.platform.jdbc.Where;
import fr.alize.platform.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads volunteers: the projection joined with (unless erased) the employee reference and the personal data. */
@ApplicationScoped
public class VolunteerDirectory {

    private static final String SELECT = """
            SELECT v.volunteer_id, v.partner_id, p.employee_ref, v.status, v.skills, v.days_per_month, v.absences,
                   v.commune_code, v.max_travel_km, v.erased, p.full_name, p.email, p.phone
            FROM volunteer v
            LEFT JOIN volunteer_personal_data p ON p.volunteer_id = v.volunteer_id
            """;
    private static final TypeReference<List<SkillLevel>> SKILLS = new TypeReference<>() {
    };
    private static final TypeReference<List<Absence>> ABSENCES = new TypeReference<>() {
    };

    @Inject
    Jdbc sql;
    @Inject
    ObjectMapper mapper;
    @Inject
    EmployeeRefHash refHash;

    /** Filters of a partner's volunteer list; null means "any". */
    public record Filter(String skillId, Integer minLevel, String communeCode, VolunteerStatus status) {
    }

    public Optional<VolunteerView> find(String volunteerId) {
        return sql.one(SELECT + "WHERE v.volunteer_id = ?", this::view, volunteerId);
    }

    public Optional<String> partnerOf(String volunteerId) {
        return sql.one("SELECT partner_id FROM volunteer WHERE volunteer_id = ?", row -> row.getString(1), volunteerId);
    }

    /** The partner's volunteers known under these employee references, by reference; erased ones are not. */
    public Map<String, VolunteerView> byEmployeeRef(String partnerId, Collection<String> employeeRefs) {
        return sql.list(SELECT + "JOIN volunteer_ref r ON r.volunteer_id = v.volunteer_id WHERE r.partner_id = ? AND r.ref_hash = ANY(?)",
                        this::view, partnerId, hashes(partnerId, employeeRefs).keySet())
                .stream().collect(Collectors.toMap(VolunteerView::employeeRef, Function.identity()));
    }

    /** Those of these employee references that belonged to a volunteer of the partner whose personal data was erased. */
    public Set<String> erasedRefs(String partnerId, Collection<String> employeeRefs) {
        Map<String, String> byHash = hashes(partnerId, employeeRefs);
        return sql.list("SELECT ref_hash FROM volunteer_ref WHERE partner_id = ? AND ref_hash = ANY(?) AND volunteer_id IS NULL",
                row -> byHash.get(row.getString(1)), partnerId, byHash.keySet()).stream().collect(Collectors.toSet());
    }

    private Map<String, String> hashes(String partnerId, Collection<String> employeeRefs) {
        return employeeRefs.stream().distinct().collect(Collectors.toMap(ref -> refHash.of(partnerId, ref), Function.identity()));
    }

    public Page<VolunteerView> list(String partnerId, Filter filter, int page, int size) {
        Where where = new Where()
                .and("v.partner_id = ?", partnerId)
                .and("EXISTS (SELECT 1 FROM jsonb_array_elements(v.skills) s WHERE s->>'skillId' = ? AND (s->>'level')::int >= ?)",
                        filter.skillId(), filter.minLevel() == null ? 1 : filter.minLevel())
                .and("v.commune_code = ?", filter.communeCode())
                .and("v.status = ?", filter.status());
        long total = sql.one("SELECT count(*) FROM volunteer v" + where.sql(), row -> row.getLong(1), where.parameters()).orElse(0L);
        List<VolunteerView> items = sql.list(SELECT + where.sql() + " ORDER BY p.employee_ref NULLS LAST, v.volunteer_id LIMIT ? OFFSET ?",
                this::view, where.parametersForPage(page, size));
        return new Page<>(items, page, size, total);
    }

    private VolunteerView view(ResultSet row) throws SQLException {
        return new VolunteerView(row.getString("volunteer_id"), row.getString("partner_id"), row.getString("employee_ref"),
                VolunteerStatus.valueOf(row.getString("status")), read(row.getString("skills"), SKILLS),
                row.getInt("days_per_month"), read(row.getString("absences"), ABSENCES), row.getString("commune_code"),
                row.getInt("max_travel_km"), row.getBoolean("erased"), row.getString("full_name"), row.getString("email"),
                row.getString("phone"));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
