package fr.alize.volunteer.partner;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.volunteer.partner.PartnerEvents.PartnerEnrolled;
import fr.alize.volunteer.partner.PartnerEvents.PartnerPledgeSet;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;

/** Keeps tables {@code partner} and {@code partner_pledge}, in the transaction of each event. */
@Singleton
public class PartnerProjection {

    @Inject
    Jdbc sql;

    @EventHandler
    void on(PartnerEnrolled event) {
        sql.update("INSERT INTO partner (partner_id, name, group_name, site, commune_code) VALUES (?, ?, ?, ?, ?)",
                event.partnerId(), event.name(), event.group(), event.site(), event.communeCode());
    }

    @EventHandler
    void on(PartnerPledgeSet event) {
        sql.update("""
                INSERT INTO partner_pledge (partner_id, year, pledged_days, daily_rate) VALUES (?, ?, ?, ?)
                ON CONFLICT (partner_id, year) DO UPDATE SET pledged_days = EXCLUDED.pledged_days, daily_rate = EXCLUDED.daily_rate""",
                event.partnerId(), event.year(), event.pledgedDays(), event.dailyRate());
    }
}
