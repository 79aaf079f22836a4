package fr.alize.matching.ranking;

import fr.alize.matching.mission.MissionState;
import fr.alize.matching.pool.Absence;
import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PartnerBalance;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;
import fr.alize.programme.Communes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each part of the score on hand-made cases. */
class ScorerTest {

    static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    static final CommuneProximity COMMUNES = CommuneProximity.hautsDeFrance();
    static final String VALENCIENNES = "59606";

    static PoolNeed need(List<Skill> skills, double effort, LocalDate from, LocalDate to) {
        return new PoolNeed("need", "sme", PoolNeed.OPEN, skills, effort, from, to, VALENCIENNES);
    }

    static PoolVolunteer volunteer(String id, List<Skill> skills, double daysPerMonth, List<Absence> absences, String commune) {
        return new PoolVolunteer(id, "partner", PoolVolunteer.ACTIVE, skills, daysPerMonth, absences, commune);
    }

    private final CandidateIndex index = new CandidateIndex();
    private final Scorer scorer = new Scorer(index, COMMUNES, Weights.DEFAULT, 7);

    @Test
    void skillsCountFullyAtTheLevelWantedOrAbovePartlyBelowAndNotAtAllWhenMissing() {
        PoolNeed need = need(List.of(new Skill("accounting", 3), new Skill("tax", 2)), 1, null, null);
        assertThat(Scorer.skills(need, volunteer("v", List.of(new Skill("accounting", 3), new Skill("tax", 2)), 1, List.of(), null))).isEqualTo(1.0);
        assertThat(Scorer.skills(need, volunteer("v", List.of(new Skill("accounting", 4), new Skill("tax", 1)), 1, List.of(), null))).isEqualTo(0.75);
        assertThat(Scorer.skills(need, volunteer("v", List.of(new Skill("accounting", 3)), 1, List.of(), null))).isEqualTo(0.5);
        assertThat(Scorer.skills(need, volunteer("v", List.of(new Skill("cooking", 4)), 1, List.of(), null))).isZero();
        assertThat(Scorer.skills(need(List.of(), 1, null, null), volunteer("v", List.of(), 1, List.of(), null))).isEqualTo(1.0);
    }

    @Test
    void availabilityWeighsTheDaysFreeInTheWindowAgainstTheEffort() {
        LocalDate from = LocalDate.of(2027, 2, 1);
        LocalDate to = LocalDate.of(2027, 2, 28); // 28 days
        PoolVolunteer twoDaysAMonth = volunteer("v", List.of(), 2, List.of(), null);
        // 2 days a month over 28 days = 1.84 days, for 4 asked
        assertThat(Scorer.availability(need(List.of(), 4, from, to), twoDaysAMonth, 0, TODAY)).isCloseTo(2 * 28 / 30.4375 / 4, within(1e-9));
        assertThat(Scorer.availability(need(List.of(), 1, from, to), twoDaysAMonth, 0, TODAY)).isEqualTo(1.0);
        // away half the window
        PoolVolunteer away = volunteer("v", List.of(), 2, List.of(new Absence(LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 14))), null);
        assertThat(Scorer.availability(need(List.of(), 1, from, to), away, 0, TODAY)).isCloseTo(2 * 14 / 30.4375, within(1e-9));
        // days still owed to running missions come off
        PoolVolunteer tenDays = volunteer("v", List.of(), 10, List.of(), null);
        assertThat(Scorer.availability(need(List.of(), 5, from, to), tenDays, 5, TODAY)).isCloseTo((10 * 28 / 30.4375 - 5) / 5, within(1e-9));
        assertThat(Scorer.availability(need(List.of(), 5, from, to), tenDays, 20, TODAY)).isZero();
        // a window that is over, or has not room left before its end
        assertThat(Scorer.availability(need(List.of(), 1, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)), tenDays, 0, TODAY)).isZero();
    }

    @Test
    void daysOwedToRunningMissionsComeFromTheirEffortLessTheTimeLogged() {
        index.putNeed(new PoolNeed("other-need", "sme2", "MATCHED", List.of(), 8, null, null, null));
        index.putMission(new PoolMission("m1", "other-need", "v", "partner", MissionState.STARTED, null, 21)); // 3 days done, 5 owed
        index.putMission(new PoolMission("m2", "other-need", "v", "partner", MissionState.COMPLETED, null, 56));
        PoolVolunteer tenDays = volunteer("v", List.of(), 10, List.of(), VALENCIENNES);
        ScoreParts parts = scorer.parts(need(List.of(), 5, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)), tenDays, TODAY);
        assertThat(parts.availability()).isCloseTo((10 * 28 / 30.4375 - 5) / 5, within(1e-9));
        assertThat(parts.load()).isEqualTo(0.5);
    }

    @Test
    void proximityGoesFromTheSameCommuneDownToTheSameDepartement() {
        assertThat(Communes.hautsDeFrance().size()).isGreaterThan(3700);
        assertThat(COMMUNES.proximity(VALENCIENNES, VALENCIENNES)).isEqualTo(1.0);
        assertThat(COMMUNES.proximity(VALENCIENNES, "59014")).isEqualTo(0.75); // Anzin: same EPCI
        assertThat(COMMUNES.proximity(VALENCIENNES, "59172")).isEqualTo(0.5); // Denain: same arrondissement
        assertThat(COMMUNES.proximity(VALENCIENNES, "59350")).isEqualTo(0.25); // Lille: same département
        assertThat(COMMUNES.proximity(VALENCIENNES, "62041")).isZero(); // Arras
        assertThat(COMMUNES.proximity(VALENCIENNES, null)).isZero();
        assertThat(COMMUNES.proximity("75056", "75056")).isEqualTo(1.0); // outside the reference: by code
        assertThat(COMMUNES.proximity("75056", "75101")).isEqualTo(0.25);
    }

    @Test
    void fewerRunningMissionsScoreHigher() {
        assertThat(Scorer.load(0)).isEqualTo(1.0);
        assertThat(Scorer.load(1)).isEqualTo(0.5);
        assertThat(Scorer.load(3)).isEqualTo(0.25);
    }

    @Test
    void aPartnerFarBelowItsPledgeScoresHigherThanOneFarAbove() {
        Map<Integer, Double> pledge = Map.of(2027, 100.0);
        assertThat(scorer.spread(new PartnerBalance("p", pledge, Map.of()), 2027)).isEqualTo(1.0);
        assertThat(scorer.spread(new PartnerBalance("p", pledge, Map.of(2027, 350.0)), 2027)).isEqualTo(0.75); // 50 days
        assertThat(scorer.spread(new PartnerBalance("p", pledge, Map.of(2027, 700.0)), 2027)).isEqualTo(0.5); // on target
        assertThat(scorer.spread(new PartnerBalance("p", pledge, Map.of(2027, 2100.0)), 2027)).isZero(); // 3 times over
        assertThat(scorer.spread(new PartnerBalance("p", pledge, Map.of(2026, 2100.0)), 2027)).isEqualTo(1.0); // other year
        assertThat(scorer.spread(PartnerBalance.none("p"), 2027)).isEqualTo(0.5);
    }

    @Test
    void theTotalIsTheWeightedMeanOfTheParts() {
        Weights weights = new Weights(2, 1, 1, 0, 0);
        assertThat(weights.total(new ScoreParts(1, 0, 0.5, 1, 1))).isCloseTo((2 + 0 + 0.5) / 4, within(1e-12));
        assertThat(Weights.DEFAULT.total(new ScoreParts(1, 1, 1, 1, 1))).isCloseTo(1.0, within(1e-12));
    }
}
