package fr.alize.needs.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A need as the API shows it. {@code missionId} is the mission that matched it; {@code closeReason} why it closed. */
public record NeedView(String needId, String smeId, NeedStatus status, NeedCategory category, String title,
                       String description, List<Skill> skills, BigDecimal effortDays, LocalDate windowStart,
                       LocalDate windowEnd, String communeCode, String missionId, String closeReason,
                       Instant publishedAt, Instant updatedAt) {
}
