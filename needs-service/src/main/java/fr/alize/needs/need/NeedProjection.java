package fr.alize.needs.need;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.needs.need.NeedEvents.NeedAmended;
import fr.alize.needs.need.NeedEvents.NeedExpired;
import fr.alize.needs.need.NeedEvents.NeedFulfilled;
import fr.alize.needs.need.NeedEvents.NeedMatched;
import fr.alize.needs.need.NeedEvents.NeedPublished;
import fr.alize.needs.need.NeedEvents.NeedReopened;
import fr.alize.needs.need.NeedEvents.NeedWithdrawn;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/** Keeps the {@code need} and {@code need_skill} tables, in the events' transaction. */
@Singleton
public class NeedProjection {

    @Inject
    Jdbc jdbc;

    @EventHandler
    void on(NeedPublished event, @Timestamp Instant at) {
        NeedDetails d = event.details();
        jdbc.update("""
                INSERT INTO need (need_id, sme_id, status, category, title, description, effort_days, window_start,
                                  window_end, commune_code, published_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.needId(), event.smeId(), NeedStatus.PUBLISHED, d.category(), d.title(), d.description(),
                d.effortDays(), d.windowStart(), d.windowEnd(), d.communeCode(), java.sql.Timestamp.from(at),
                java.sql.Timestamp.from(at));
        insertSkills(event.needId(), d);
    }

    @EventHandler
    void on(NeedAmended event, @Timestamp Instant at) {
        NeedDetails d = event.details();
        jdbc.update("""
                UPDATE need SET category = ?, title = ?, description = ?, effort_days = ?, window_start = ?,
                                window_end = ?, commune_code = ?, updated_at = ?
                WHERE need_id = ?""",
                d.category(), d.title(), d.description(), d.effortDays(), d.windowStart(), d.windowEnd(),
                d.communeCode(), java.sql.Timestamp.from(at), event.needId());
        jdbc.update("DELETE FROM need_skill WHERE need_id = ?", event.needId());
        insertSkills(event.needId(), d);
    }

    @EventHandler
    void on(NeedWithdrawn event, @Timestamp Instant at) {
        status(event.needId(), NeedStatus.WITHDRAWN, null, event.reason(), at);
    }

    @EventHandler
    void on(NeedExpired event, @Timestamp Instant at) {
        status(event.needId(), NeedStatus.EXPIRED, null, "the window ended on " + event.windowEnd(), at);
    }

    @EventHandler
    void on(NeedMatched event, @Timestamp Instant at) {
        status(event.needId(), NeedStatus.MATCHED, event.missionId(), null, at);
    }

    @EventHandler
    void on(NeedFulfilled event, @Timestamp Instant at) {
        status(event.needId(), NeedStatus.FULFILLED, event.missionId(), null, at);
    }

    @EventHandler
    void on(NeedReopened event, @Timestamp Instant at) {
        status(event.needId(), NeedStatus.PUBLISHED, null, null, at);
    }

    private void status(String needId, NeedStatus status, String missionId, String reason, Instant at) {
        jdbc.update("UPDATE need SET status = ?, mission_id = ?, close_reason = ?, updated_at = ? WHERE need_id = ?",
                status, missionId, reason, java.sql.Timestamp.from(at), needId);
    }

    private void insertSkills(String needId, NeedDetails details) {
        for (Skill skill : details.skills()) {
            jdbc.update("INSERT INTO need_skill (need_id, skill_id, level) VALUES (?, ?, ?)",
                    needId, skill.skillId(), skill.level());
        }
    }
}
