package fr.alize.platform.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The WHERE clause of a filtered list: each condition is added only when its value is given, and its parameters
 * follow in order. For {@link Jdbc}, which writes an enum as its name.
 * <pre>
 *   Where where = new Where().and("n.status = ?", filter.status()).and("n.commune_code = ?", filter.commune());
 *   jdbc.count("SELECT count(*) FROM need n" + where.sql(), where.parameters());
 *   jdbc.list("SELECT ... FROM need n" + where.sql() + " ORDER BY n.position LIMIT ? OFFSET ?", row, where.parametersForPage(page, size));
 * </pre>
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder(" WHERE TRUE");
    private final List<Object> parameters = new ArrayList<>();

    /**
     * Adds {@code AND condition} when {@code value} is not null; nothing otherwise.
     *
     * @param more values of the condition's further {@code ?}, after {@code value}
     */
    public Where and(String condition, Object value, Object... more) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
            parameters.addAll(Arrays.asList(more));
        }
        return this;
    }

    /** The clause, with a leading space. */
    public String sql() {
        return sql.toString();
    }

    public Object[] parameters() {
        return parameters.toArray();
    }

    /** The parameters, then those of {@code LIMIT ? OFFSET ?} for page {@code page} (from 0) of {@code size} rows. */
    public Object[] parametersForPage(int page, int size) {
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(size);
        paged.add((long) page * size);
        return paged.toArray();
    }
}
