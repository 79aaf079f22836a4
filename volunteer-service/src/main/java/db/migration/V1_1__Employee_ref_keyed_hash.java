package db.migration;

import fr.alize.volunteer.volunteer.EmployeeRefHash;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import javax.crypto.spec.SecretKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The employee reference leaves {@code volunteer_ref} for the erasable {@code volunteer_personal_data}: the key of the
 * HR integration becomes its keyed hash ({@link EmployeeRefHash}), which needs the deployment's key, hence Java.
 * A volunteer already erased keeps only the hash, no longer tied to its id, and loses its clear reference; stored
 * bulk answers that named it are dropped.
 */
public class V1_1__Employee_ref_keyed_hash extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        SecretKeySpec key = EmployeeRefHash.keyFrom(ConfigProvider.getConfig());
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE volunteer_personal_data ADD COLUMN employee_ref VARCHAR(100)");
            sql.execute("""
                    UPDATE volunteer_personal_data p SET employee_ref = r.employee_ref
                    FROM volunteer_ref r WHERE r.volunteer_id = p.volunteer_id""");
            sql.execute("ALTER TABLE volunteer_personal_data ALTER COLUMN employee_ref SET NOT NULL");
            sql.execute("ALTER TABLE volunteer_ref ADD COLUMN ref_hash VARCHAR(64)");
        }
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT partner_id, employee_ref FROM volunteer_ref");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE volunteer_ref SET ref_hash = ? WHERE partner_id = ? AND employee_ref = ?")) {
            while (rows.next()) {
                write.setString(1, EmployeeRefHash.hash(key, rows.getString(1), rows.getString(2)));
                write.setString(2, rows.getString(1));
                write.setString(3, rows.getString(2));
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    DELETE FROM idempotent_request i USING volunteer v
                    WHERE v.erased AND position(v.volunteer_id IN i.response) > 0""");
            sql.execute("ALTER TABLE volunteer_ref ALTER COLUMN volunteer_id DROP NOT NULL");
            sql.execute("UPDATE volunteer_ref r SET volunteer_id = NULL FROM volunteer v WHERE v.volunteer_id = r.volunteer_id AND v.erased");
            sql.execute("ALTER TABLE volunteer_ref DROP CONSTRAINT volunteer_ref_pkey");
            sql.execute("ALTER TABLE volunteer_ref DROP COLUMN employee_ref");
            sql.execute("ALTER TABLE volunteer_ref ALTER COLUMN ref_hash SET NOT NULL");
            sql.execute("ALTER TABLE volunteer_ref ADD PRIMARY KEY (partner_id, ref_hash)");
            sql.execute("""
                    COMMENT ON TABLE volunteer_ref IS 'The key of the HR integration: HMAC-SHA256 of partner id and employee \
                    reference (EmployeeRefHash). volunteer_id is NULL once the volunteer was erased: the reference stays \
                    refused, tied to no one.'""");
        }
    }
}
