package fr.alize.impact.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The counting rules of one subject, and its changes over recording time, without a database. */
class SubjectFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    static LoggedEvent event(String type, int recordedSecond, int occurredSecond, String data) throws Exception {
        return new LoggedEvent(type + recordedSecond, type, T0.plusSeconds(occurredSecond), T0.plusSeconds(recordedSecond),
                0, JSON.readTree(data));
    }

    static LoggedEvent start(String mission, String day, int second) throws Exception {
        return event("MissionStarted", second, second, "{\"missionId\": \"%s\", \"smeId\": \"s\", \"startDate\": \"%s\"}"
                .formatted(mission, day));
    }

    static long n(Map<FigureKey, Measures> figures, Figure figure, int year, String key) {
        return figures.getOrDefault(new FigureKey(figure, year, key), Measures.ZERO).n();
    }

    @Test
    void anSmeWithThreeStartDaysCountsOnceInAnyPeriodThroughItsDaysAndGaps() throws Exception {
        Map<FigureKey, Measures> figures = SubjectFigures.ofSme(List.of(start("m1", "2030-02-01", 1),
                start("m2", "2030-05-01", 2), start("m3", "2030-05-01", 3), start("m4", "2031-01-10", 4)));
        assertThat(n(figures, Figure.STARTS_DAY, 0, "2030-05-01")).isEqualTo(2);
        assertThat(n(figures, Figure.SME_DAYS, 0, "2030-05-01")).isEqualTo(1);
        assertThat(n(figures, Figure.SME_GAPS, 0, "2030-02-01|2030-05-01")).isEqualTo(1);
        assertThat(n(figures, Figure.SME_GAPS, 0, "2030-05-01|2031-01-10")).isEqualTo(1);
        assertThat(n(figures, Figure.SUPPORTED, 2030, "")).isEqualTo(1);
        assertThat(n(figures, Figure.SUPPORTED, 2031, "")).isEqualTo(1);
        assertThat(n(figures, Figure.FIRST_MONTH, 2030, "02")).isEqualTo(1);
        assertThat(n(figures, Figure.FIRST_MONTH, 2030, "05")).isZero();
    }

    @Test
    void aReportSentAgainCountsOnceWithTheValuesOfItsLatestVersionWhateverTheOrderOfArrival() throws Exception {
        String report = "{\"smeId\": \"s\", \"reportId\": \"r\", \"date\": \"2030-03-01\", \"count\": %d, \"kind\": \"CREATED\","
                + " \"contractType\": \"CDI\"}";
        LoggedEvent first = event("JobsReported", 10, 10, report.formatted(3));
        LoggedEvent correction = event("JobsReported", 5, 20, report.formatted(7)); // happened later, recorded earlier
        Map<FigureKey, TreeMap<Instant, Measures>> changes = Timeline.of(List.of(first, correction), SubjectFigures::ofSme);
        TreeMap<Instant, Measures> total = changes.get(new FigureKey(Figure.JOBS, 2030, "total"));
        assertThat(total.get(T0.plusSeconds(5)).v1()).isEqualByComparingTo("7");
        assertThat(total).doesNotContainKey(T0.plusSeconds(10)); // the older version changes nothing once it arrives
    }

    @Test
    void theDifferenceOfTwoTimelinesIsWhatTheNewEventsAddAtEachInstant() throws Exception {
        String entry = "{\"missionId\": \"m\", \"partnerId\": \"p\", \"entryId\": \"%s\", \"date\": \"2030-03-0%d\","
                + " \"hours\": %d, \"correctsEntryId\": %s}";
        LoggedEvent logged = event("TimeLogged", 1, 1, entry.formatted("e1", 1, 4, "null"));
        LoggedEvent corrected = event("TimeLogged", 9, 9, entry.formatted("e2", 1, 6, "\"e1\""));
        LoggedEvent late = event("TimeLogged", 5, 5, entry.formatted("e3", 2, 2, "null")); // arrives last, recorded before
        List<LoggedEvent> before = List.of(logged, corrected);
        List<LoggedEvent> after = new ArrayList<>(before);
        after.add(late);
        Map<FigureKey, TreeMap<Instant, Measures>> difference = Timeline.difference(
                Timeline.of(after, SubjectFigures::ofMission), Timeline.of(before, SubjectFigures::ofMission));
        assertThat(difference.get(new FigureKey(Figure.HOURS, 2030, "p")))
                .containsOnlyKeys(T0.plusSeconds(5)).extractingByKey(T0.plusSeconds(5)).extracting(Measures::v1)
                .satisfies(hours -> assertThat(hours).isEqualByComparingTo("2"));
        TreeMap<Instant, Measures> all = Timeline.of(after, SubjectFigures::ofMission).get(new FigureKey(Figure.HOURS, 2030, ""));
        assertThat(all.get(T0.plusSeconds(9)).v1()).isEqualByComparingTo("2"); // 6 in place of 4
    }
}
