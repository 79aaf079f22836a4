package fr.alize.volunteer.partner;

import fr.alize.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads partner companies and their pledges from the projection. */
@ApplicationScoped
public class PartnerDirectory {

    @Inject
    Jdbc sql;

    public record PledgeView(int year, int pledgedDays, BigDecimal dailyRate) {
    }

    public record PartnerView(String partnerId, String name, String group, String site, String communeCode,
                              List<PledgeView> pledges) {
    }

    public boolean exists(String partnerId) {
        return sql.one("SELECT 1 FROM partner WHERE partner_id = ?", row -> true, partnerId).isPresent();
    }

    public boolean nameAndSiteTaken(String name, String site) {
        return sql.one("SELECT 1 FROM partner WHERE lower(name) = lower(?) AND lower(site) = lower(?)", row -> true, name, site).isPresent();
    }

    public Optional<PartnerView> find(String partnerId) {
        return sql.one("SELECT * FROM partner WHERE partner_id = ?", row -> new PartnerView(row.getString("partner_id"),
                row.getString("name"), row.getString("group_name"), row.getString("site"), row.getString("commune_code"),
                pledges(row.getString("partner_id"))), partnerId);
    }

    public List<PartnerView> all() {
        return sql.list("SELECT partner_id FROM partner ORDER BY name, site", row -> row.getString(1))
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    public Optional<PledgeView> pledge(String partnerId, int year) {
        return pledges(partnerId).stream().filter(p -> p.year() == year).findFirst();
    }

    private List<PledgeView> pledges(String partnerId) {
        return sql.list("SELECT year, pledged_days, daily_rate FROM partner_pledge WHERE partner_id = ? ORDER BY year",
                row -> new PledgeView(row.getInt(1), row.getInt(2), row.getBigDecimal(3)), partnerId);
    }
}
