package fr.alize.matching.pool;

import fr.alize.matching.PoolFeed;
import fr.alize.platform.jdbc.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.alize.matching.PoolFeed.MISSIONS;
import static fr.alize.matching.PoolFeed.event;
import static fr.alize.matching.PoolFeed.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner company's logged hours per year, which the ranking weighs against its pledge, are running totals kept as
 * each time entry is applied: they must come out as the sum of the entries that no correction replaced, through
 * corrections within a year and across years, a correction that arrives before the entry it corrects, and duplicates.
 */
@QuarkusTest
class PartnerHoursIT {

    @Inject
    PoolReader reader;
    @Inject
    CandidatePool pool;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    private final List<String> eventIds = new ArrayList<>();
    private final String mission = uuid();
    private long version = 2;

    private final String need = uuid();
    private final String sme = uuid();
    private final String volunteer = uuid();

    /** The mission, proposed to a volunteer of this partner. */
    private void proposed(String partnerId) {
        eventIds.add(PoolFeed.send(MISSIONS, "MissionProposed", mission, 0, event("MissionProposed", Map.of(
                "missionId", mission, "needId", need, "smeId", sme, "volunteerId", volunteer, "partnerId", partnerId))));
    }

    /** A time entry of the mission, for this partner; correcting the given entry when not null. */
    private String entry(String partnerId, String entryId, String date, double hours, String corrects) {
        Map<String, Object> fields = new HashMap<>(Map.of("missionId", mission, "needId", need, "smeId", sme,
                "volunteerId", volunteer, "partnerId", partnerId, "entryId", entryId, "date", date, "hours", hours));
        if (corrects != null) {
            fields.put("correctsEntryId", corrects);
        }
        String value = event("TimeLogged", fields);
        eventIds.add(PoolFeed.send(MISSIONS, "TimeLogged", mission, version++, value));
        return value;
    }

    @Test
    void loggedHoursCountOnlyTheEntriesNoCorrectionReplaced() {
        String partner = uuid();
        String other = uuid();
        proposed(partner);

        String a = uuid();
        entry(partner, a, "2027-01-21", 7, null);
        entry(partner, uuid(), "2027-01-21", 3.5, a);                  // 2027: 3.5
        String c = uuid();
        entry(partner, c, "2026-12-30", 2, null);
        entry(partner, uuid(), "2027-01-02", 1, c);                    // 2026: 0, 2027: 4.5
        String late = uuid();
        entry(partner, uuid(), "2027-02-01", 4, late);                 // the correction first: 2027: 8.5
        entry(partner, late, "2027-02-01", 6, null);                   // then the entry it corrects: no change
        String twice = uuid();
        String value = entry(partner, twice, "2027-03-01", 2, null);   // 2027: 10.5
        PoolFeed.send(MISSIONS, "TimeLogged", mission, version - 1, value, eventIds.get(eventIds.size() - 1));
        entry(partner, twice, "2027-03-01", 2, null);                  // same entry, another event id: no change
        entry(other, uuid(), "2027-05-05", 5, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'pool-missions' AND event_id = ANY (?)",
                eventIds) == eventIds.size());

        assertThat(reader.partner(partner).loggedHours()).isEqualTo(Map.of(2027, 10.5));
        assertThat(reader.partner(other).loggedHours()).isEqualTo(Map.of(2027, 5.0));
        // kept as a running total, which is what summing every entry gives, and what the in-memory pool holds, live and reloaded
        assertThat(jdbc.count("""
                SELECT round(sum(e.hours) * 100) FROM pool_time_entry e WHERE e.partner_id = ?
                  AND NOT EXISTS (SELECT 1 FROM pool_time_entry c WHERE c.corrects_entry_id = e.entry_id)""", partner))
                .isEqualTo(1050);
        assertThat(jdbc.count("SELECT round(hours * 100) FROM pool_partner_hours WHERE partner_id = ? AND year = 2027", partner))
                .isEqualTo(1050);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pool.index().partner(partner).loggedHours().equals(Map.of(2027, 10.5)));
        pool.reload();
        assertThat(pool.index().partner(partner).loggedHours()).isEqualTo(Map.of(2027, 10.5));
    }
}
