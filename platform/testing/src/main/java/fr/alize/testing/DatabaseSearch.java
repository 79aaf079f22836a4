package fr.alize.testing;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Where a value is stored: for erasure tests, which must show that personal data is nowhere any more. */
public final class DatabaseSearch {

    private DatabaseSearch() {
    }

    /**
     * Every table of the {@code public} schema with a row whose text form contains the value (case-insensitive), or
     * any of whose binary columns (the event store's payloads) holds its UTF-8 bytes.
     */
    public static List<String> tablesHolding(DataSource dataSource, String value) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                StringBuilder where = new StringBuilder("CAST(t AS text) ILIKE ?");
                List<String> binary = binaryColumns(connection, table);
                binary.forEach(column -> where.append(" OR position(? IN t.\"").append(column).append("\") > 0"));
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE " + where)) {
                    query.setString(1, "%" + value + "%");
                    for (int i = 0; i < binary.size(); i++) {
                        query.setBytes(i + 2, value.getBytes(StandardCharsets.UTF_8));
                    }
                    try (ResultSet count = query.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The tables of the {@code public} schema. */
    public static List<String> tables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return tables(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static List<String> binaryColumns(Connection connection, String table) throws SQLException {
        List<String> binary = new ArrayList<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, "public", table, "%")) {
            while (columns.next()) {
                if ("bytea".equals(columns.getString("TYPE_NAME"))) {
                    binary.add(columns.getString("COLUMN_NAME"));
                }
            }
        }
        return binary;
    }
}
