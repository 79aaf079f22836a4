package fr.alize.impact.figures;

import fr.alize.impact.employment.NafSections;
import fr.alize.programme.Communes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static fr.alize.contracts.MissionsTopic.MISSION_STARTED;
import static fr.alize.contracts.MissionsTopic.TIME_LOGGED;
import static fr.alize.contracts.NeedsTopic.HEADCOUNT_DECLARED;
import static fr.alize.contracts.NeedsTopic.JOBS_REPORTED;
import static fr.alize.contracts.NeedsTopic.SME_APPLIED;
import static fr.alize.contracts.NeedsTopic.SME_PROFILE_UPDATED;

/**
 * What one subject (an SME, or a mission for its time entries) contributes to the figures, given the set of its
 * events recorded so far. These are the report rules, in one place: a job report sent again with the same reportId
 * counts once with its latest values; a mission counts its first start; a time entry that another entry corrects is
 * replaced by it; an SME's breakdowns (NAF section, commune, EPCI) are those of its profile as it stands in the set.
 */
public final class SubjectFigures {

    /** Event types whose subject is the SME named by {@code smeId}. */
    public static final List<String> SME_TYPES = List.of(SME_APPLIED, SME_PROFILE_UPDATED, HEADCOUNT_DECLARED,
            JOBS_REPORTED, MISSION_STARTED);
    /** Event types whose subject is the mission named by {@code missionId}. */
    public static final List<String> MISSION_TYPES = List.of(TIME_LOGGED);

    private static final Communes COMMUNES = Communes.hautsDeFrance();
    private static final Comparator<LoggedEvent> OCCURRED = Comparator.comparing(LoggedEvent::occurredAt);

    private SubjectFigures() {
    }

    public static Map<FigureKey, Measures> ofSme(List<LoggedEvent> events) {
        Map<FigureKey, Measures> figures = new HashMap<>();
        Profile profile = profile(events);
        starts(events, figures);
        jobs(events, profile, figures);
        headcount(events, profile, figures);
        return figures;
    }

    public static Map<FigureKey, Measures> ofMission(List<LoggedEvent> events) {
        Map<String, LoggedEvent> logged = latest(events, TIME_LOGGED, "entryId",
                OCCURRED.thenComparing(LoggedEvent::recordedAt));
        Set<String> corrected = logged.values().stream().map(e -> e.text("correctsEntryId"))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<FigureKey, Measures> figures = new HashMap<>();
        for (LoggedEvent entry : logged.values()) {
            if (corrected.contains(entry.text("entryId"))) {
                continue;
            }
            int year = LocalDate.parse(entry.text("date")).getYear();
            Measures hours = new Measures(new BigDecimal(entry.text("hours")), BigDecimal.ZERO, 1);
            add(figures, new FigureKey(Figure.HOURS, year, ""), hours);
            add(figures, new FigureKey(Figure.HOURS, year, entry.text("partnerId")), hours);
        }
        return figures;
    }

    private record Profile(String nafCode, String communeCode, Integer baselineHeadcount) {
    }

    /** The SME's application, then its profile updates, in the order they happened. */
    private static Profile profile(List<LoggedEvent> events) {
        Profile profile = null;
        for (LoggedEvent e : events.stream().filter(e -> e.type().equals(SME_APPLIED) || e.type().equals(SME_PROFILE_UPDATED))
                .sorted(OCCURRED.thenComparingLong(LoggedEvent::aggregateVersion)).toList()) {
            Profile before = profile == null ? new Profile(null, null, null) : profile;
            boolean applied = e.type().equals(SME_APPLIED);
            profile = new Profile(or(e.text("nafCode"), before.nafCode()), or(e.text("communeCode"), before.communeCode()),
                    applied && e.text("headcount") != null ? Integer.valueOf(e.data().get("headcount").asInt())
                            : before.baselineHeadcount());
        }
        return profile;
    }

    /** Each mission's first start: the SME is supported in the year, counted in the month of its first start. */
    private static void starts(List<LoggedEvent> events, Map<FigureKey, Measures> figures) {
        Map<String, LoggedEvent> first = new HashMap<>();
        for (LoggedEvent e : events) {
            if (e.type().equals(MISSION_STARTED)) {
                first.merge(e.text("missionId"), e, (a, b) -> OCCURRED.compare(b, a) < 0 ? b : a);
            }
        }
        Map<Integer, LocalDate> firstOfYear = new TreeMap<>();
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        for (LoggedEvent start : first.values()) {
            LocalDate date = LocalDate.parse(start.text("startDate"));
            addDay(figures, Figure.STARTS_DAY, date, Measures.count(1));
            firstOfYear.merge(date.getYear(), date, (a, b) -> a.isBefore(b) ? a : b);
            days.add(date);
        }
        LocalDate previous = null;
        for (LocalDate day : days) {
            addDay(figures, Figure.SME_DAYS, day, Measures.count(1));
            if (previous != null) {
                add(figures, new FigureKey(Figure.SME_GAPS, 0, previous + "|" + day), Measures.count(1));
            }
            previous = day;
        }
        firstOfYear.forEach((year, date) -> {
            add(figures, new FigureKey(Figure.SUPPORTED, year, ""), Measures.count(1));
            add(figures, new FigureKey(Figure.FIRST_MONTH, year, "%02d".formatted(date.getMonthValue())), Measures.count(1));
        });
    }

    private static void jobs(List<LoggedEvent> events, Profile profile, Map<FigureKey, Measures> figures) {
        String naf = profile == null ? NafSections.UNKNOWN : NafSections.of(profile.nafCode());
        String commune = profile == null ? NafSections.UNKNOWN : profile.communeCode();
        String epci = COMMUNES.epciOf(commune);
        Comparator<LoggedEvent> latest = OCCURRED.thenComparing(LoggedEvent::recordedAt);
        for (LoggedEvent report : latest(events, JOBS_REPORTED, "reportId", latest).values()) {
            LocalDate date = LocalDate.parse(report.text("date"));
            BigDecimal count = new BigDecimal(report.text("count"));
            boolean created = "CREATED".equals(report.text("kind"));
            Measures jobs = new Measures(created ? count : BigDecimal.ZERO, created ? BigDecimal.ZERO : count, 1);
            int year = date.getYear();
            add(figures, new FigureKey(Figure.JOBS, year, "total"), jobs);
            add(figures, new FigureKey(Figure.JOBS, year, "naf:" + orUnknown(naf)), jobs);
            add(figures, new FigureKey(Figure.JOBS, year, "commune:" + orUnknown(commune)), jobs);
            add(figures, new FigureKey(Figure.JOBS, year, "epci:" + orUnknown(epci)), jobs);
            add(figures, new FigureKey(Figure.JOBS, year, "contract:" + orUnknown(report.text("contractType"))), jobs);
            addDay(figures, Figure.JOBS_DAY, date, jobs);
        }
    }

    /**
     * The SME's latest declared headcount against its enrolment one, for each year from its first declaration on:
     * a row in the year of the first declaration, then one per later year with a declaration, holding the change.
     */
    private static void headcount(List<LoggedEvent> events, Profile profile, Map<FigureKey, Measures> figures) {
        if (profile == null || profile.baselineHeadcount() == null) {
            return;
        }
        Comparator<LoggedEvent> order = Comparator.<LoggedEvent, LocalDate>comparing(e -> LocalDate.parse(e.text("date")))
                .thenComparing(OCCURRED);
        Map<Integer, LoggedEvent> latestOfYear = new TreeMap<>();
        for (LoggedEvent e : events) {
            if (e.type().equals(HEADCOUNT_DECLARED)) {
                latestOfYear.merge(LocalDate.parse(e.text("date")).getYear(), e, (a, b) -> order.compare(b, a) > 0 ? b : a);
            }
        }
        BigDecimal before = null;
        for (Map.Entry<Integer, LoggedEvent> year : latestOfYear.entrySet()) {
            BigDecimal declared = new BigDecimal(year.getValue().text("headcount"));
            add(figures, new FigureKey(Figure.HEADCOUNT, year.getKey(), ""), before == null
                    ? new Measures(BigDecimal.valueOf(profile.baselineHeadcount()), declared, 1)
                    : new Measures(BigDecimal.ZERO, declared.subtract(before), 0));
            before = declared;
        }
    }

    /** Per value of {@code field}, the greatest event of the type in the given order. */
    private static Map<String, LoggedEvent> latest(List<LoggedEvent> events, String type, String field,
                                                   Comparator<LoggedEvent> order) {
        Map<String, LoggedEvent> latest = new HashMap<>();
        for (LoggedEvent e : events) {
            if (e.type().equals(type)) {
                latest.merge(e.text(field), e, (a, b) -> order.compare(b, a) > 0 ? b : a);
            }
        }
        return latest;
    }

    private static void add(Map<FigureKey, Measures> figures, FigureKey key, Measures measures) {
        figures.merge(key, measures, Measures::plus);
    }

    /** A change to a day series, and to its month rollup. */
    private static void addDay(Map<FigureKey, Measures> figures, Figure days, LocalDate date, Measures measures) {
        add(figures, new FigureKey(days, 0, date.toString()), measures);
        add(figures, new FigureKey(days.months(), 0, YearMonth.from(date).toString()), measures);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String orUnknown(String value) {
        return value == null ? NafSections.UNKNOWN : value;
    }

}
