package fr.alize.impact.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.employment.NafSections;
import fr.alize.impact.eventlog.EventLog;
import fr.alize.programme.Communes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static fr.alize.contracts.MissionsTopic.MISSION_ACCEPTED;
import static fr.alize.contracts.MissionsTopic.MISSION_CANCELLED;
import static fr.alize.contracts.MissionsTopic.MISSION_COMPLETED;
import static fr.alize.contracts.MissionsTopic.MISSION_DECLINED;
import static fr.alize.contracts.MissionsTopic.MISSION_PROPOSED;
import static fr.alize.contracts.MissionsTopic.MISSION_STARTED;

/**
 * What a figure counts, one row per thing counted: the SMEs behind "companies supported", the job reports behind
 * "jobs created / preserved", the missions behind the funnel and the needs behind "needs by category". Read from the
 * event log as of a date, with the same rules as the figures (docs/impact-service.md, "Counting rules"), so that a
 * list's length or sum equals its figure.
 */
@ApplicationScoped
public class ProgrammeLists {

    static final Communes COMMUNES = Communes.hautsDeFrance();

    @Inject
    EventLog log;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** One event of the log, as the lists read it. */
    record Logged(String type, Instant occurredAt, long version, JsonNode data) {
        String text(String field) {
            JsonNode value = data.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    public record Sme(String smeId, String name, String communeCode, String communeName, String epci,
                      String nafCode, String nafSection, LocalDate firstStart, int missionsStarted) {
    }

    public record JobReport(String reportId, String smeId, String smeName, String communeCode, String communeName,
                            LocalDate date, String kind, String contractType, long count) {
    }

    public record Basis(Instant asOf, long events, Instant lastRecordedAt) {
    }

    public enum Stage { PROPOSED, ACCEPTED, STARTED, COMPLETED, DECLINED, CANCELLED }

    public record CategoryCount(String category, long needs) {
    }

    public record Activity(LocalDate from, LocalDate to, Instant asOf, Map<Stage, Long> missions,
                           List<CategoryCount> needsByCategory, long needsPublished) {
    }

    /** SMEs with at least one mission whose first start is in the period, as "companies supported" counts them. */
    public List<Sme> supportedSmes(LocalDate from, LocalDate to, Instant asOf) {
        Map<String, Logged> firstStart = new HashMap<>();
        for (Logged start : read(asOf, "type = 'MissionStarted'")) {
            firstStart.merge(start.text("missionId"), start, (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? b : a);
        }
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, Integer> missions = new HashMap<>();
        for (Logged start : firstStart.values()) {
            LocalDate date = LocalDate.parse(start.text("startDate"));
            if (!date.isBefore(from) && !date.isAfter(to)) {
                first.merge(start.text("smeId"), date, (a, b) -> a.isBefore(b) ? a : b);
                missions.merge(start.text("smeId"), 1, Integer::sum);
            }
        }
        Map<String, Profile> profiles = profiles(asOf, "IN (SELECT data ->> 'smeId' FROM events WHERE type = 'MissionStarted')");
        List<Sme> smes = new ArrayList<>();
        first.forEach((sme, date) -> {
            Profile p = profiles.getOrDefault(sme, Profile.NONE);
            Communes.Commune commune = p.communeCode == null ? null : COMMUNES.get(p.communeCode);
            smes.add(new Sme(sme, p.name, p.communeCode, commune == null ? null : commune.name(),
                    epci(p.communeCode), p.nafCode,
                    p.nafCode == null ? NafSections.UNKNOWN : NafSections.of(p.nafCode), date, missions.get(sme)));
        });
        smes.sort(Comparator.comparing((Sme s) -> s.name() == null ? "\uffff" : s.name().toLowerCase())
                .thenComparing(Sme::smeId));
        return smes;
    }

    /** Job reports dated in the period, each report once with its latest values, as the jobs figures count them. */
    public List<JobReport> jobReports(LocalDate from, LocalDate to, Instant asOf) {
        Map<String, Logged> latest = new HashMap<>();
        for (Logged report : read(asOf, "type = 'JobsReported'")) {
            // the figures keep, per SME and report id, the report that happened last
            latest.merge(report.text("smeId") + "|" + report.text("reportId"), report,
                    (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? a : b);
        }
        Map<String, Profile> profiles = profiles(asOf, "IN (SELECT data ->> 'smeId' FROM events WHERE type = 'JobsReported')");
        List<JobReport> reports = new ArrayList<>();
        for (Logged report : latest.values()) {
            LocalDate date = LocalDate.parse(report.text("date"));
            if (!date.isBefore(from) && !date.isAfter(to)) {
                Profile p = profiles.getOrDefault(report.text("smeId"), Profile.NONE);
                Communes.Commune commune = p.communeCode == null ? null : COMMUNES.get(p.communeCode);
                reports.add(new JobReport(report.text("reportId"), report.text("smeId"), p.name, p.communeCode,
                        commune == null ? null : commune.name(), date, report.text("kind"),
                        report.text("contractType"), report.data().get("count").asLong()));
            }
        }
        reports.sort(Comparator.comparing(JobReport::date).thenComparing(JobReport::smeId).thenComparing(JobReport::reportId));
        return reports;
    }

    /** How many events the figures as of {@code asOf} were computed from, and when the last of them was recorded. */
    public Basis basis(Instant asOf) {
        return log.query(asOf, "SELECT count(*), max(recorded_at) FROM events", List.of(),
                row -> new Basis(asOf, row.getLong(1),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant())).get(0);
    }

    /**
     * The missions proposed in the period (the day of their proposal, in the programme's time zone), and how far each
     * went: accepted by all three parties, started, completed, declined by one party, cancelled; and the needs
     * published in the period per category.
     */
    public Activity activity(LocalDate from, LocalDate to, Instant asOf) {
        ZoneId zone = clock.getZone();
        Map<String, Set<Stage>> missions = new HashMap<>();
        Map<String, Set<String>> parties = new HashMap<>();
        Set<String> proposedInPeriod = new java.util.HashSet<>();
        for (Logged e : read(asOf, "type IN ('MissionProposed', 'MissionAccepted', 'MissionDeclined', 'MissionStarted', "
                + "'MissionCompleted', 'MissionCancelled')")) {
            String mission = e.text("missionId");
            Set<Stage> stages = missions.computeIfAbsent(mission, m -> java.util.EnumSet.noneOf(Stage.class));
            switch (e.type()) {
                case MISSION_PROPOSED -> {
                    stages.add(Stage.PROPOSED);
                    LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        proposedInPeriod.add(mission);
                    }
                }
                case MISSION_ACCEPTED -> parties.computeIfAbsent(mission, m -> new java.util.HashSet<>()).add(e.text("party"));
                case MISSION_DECLINED -> stages.add(Stage.DECLINED);
                case MISSION_STARTED -> stages.add(Stage.STARTED);
                case MISSION_COMPLETED -> stages.add(Stage.COMPLETED);
                case MISSION_CANCELLED -> stages.add(Stage.CANCELLED);
                default -> { }
            }
        }
        Map<Stage, Long> funnel = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            funnel.put(stage, 0L);
        }
        for (String mission : proposedInPeriod) {
            Set<Stage> stages = missions.get(mission);
            if (parties.getOrDefault(mission, Set.of()).containsAll(Worklist.PARTIES)) {
                stages.add(Stage.ACCEPTED);
            }
            stages.forEach(stage -> funnel.merge(stage, 1L, Long::sum));
        }
        Map<String, String> categoryOfNeed = new HashMap<>();
        for (Logged e : read(asOf, "type = 'NeedPublished'")) {
            LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
            if (!day.isBefore(from) && !day.isAfter(to)) {
                categoryOfNeed.putIfAbsent(e.text("needId"), e.text("category"));
            }
        }
        Map<String, Long> byCategory = new TreeMap<>();
        categoryOfNeed.values().forEach(c -> byCategory.merge(c, 1L, Long::sum));
        List<CategoryCount> categories = new ArrayList<>();
        byCategory.forEach((c, n) -> categories.add(new CategoryCount(c, n)));
        categories.sort(Comparator.comparingLong(CategoryCount::needs).reversed().thenComparing(CategoryCount::category));
        return new Activity(from, to, asOf, funnel, categories, categoryOfNeed.size());
    }

    /** An SME's name, NAF code and commune: its application, then its profile updates, in the order they happened. */
    record Profile(String name, String nafCode, String communeCode) {
        static final Profile NONE = new Profile(null, null, null);
    }

    Map<String, Profile> profiles(Instant asOf, String smeCondition) {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        List<Logged> events = new ArrayList<>(read(asOf, "type IN ('SmeApplied', 'SmeProfileUpdated') AND data ->> 'smeId' " + smeCondition));
        events.sort(Comparator.comparing(Logged::occurredAt).thenComparingLong(Logged::version));
        for (Logged e : events) {
            Profile before = profiles.getOrDefault(e.text("smeId"), Profile.NONE);
            profiles.put(e.text("smeId"), new Profile(or(e.text("name"), before.name), or(e.text("nafCode"), before.nafCode),
                    or(e.text("communeCode"), before.communeCode)));
        }
        return profiles;
    }

    /** Partner names, from their enrolment. */
    Map<String, String> partnerNames(Instant asOf) {
        Map<String, String> names = new HashMap<>();
        for (Logged e : read(asOf, "type = 'PartnerEnrolled'")) {
            names.put(e.text("partnerId"), e.text("name"));
        }
        return names;
    }

    List<Logged> read(Instant asOf, String condition) {
        return log.query(asOf, "SELECT type, occurred_at, aggregate_version, data FROM events WHERE " + condition
                        + " ORDER BY occurred_at, aggregate_version",
                List.of(), row -> new Logged(row.getString(1), row.getTimestamp(2).toInstant(), row.getLong(3), tree(row.getString(4))));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable event data", e);
        }
    }

    /** The EPCI of a commune as the jobs figures name it: UNKNOWN outside the reference or in no EPCI. */
    static String epci(String communeCode) {
        String epci = communeCode == null ? null : COMMUNES.epciOf(communeCode);
        return epci == null ? NafSections.UNKNOWN : epci;
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
