package fr.alize.matching.ranking;

import fr.alize.matching.mission.MissionState;
import fr.alize.matching.mission.Party;
import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;
import fr.alize.matching.ranking.Exclusion.Reason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Who is ranked, in which order, and who is left out. */
class RankerTest {

    static final LocalDate TODAY = ScorerTest.TODAY;
    static final PoolNeed NEED = new PoolNeed("need", "sme", PoolNeed.OPEN, List.of(new Skill("accounting", 3)), 2,
            LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 31), "59606");

    private final CandidateIndex index = new CandidateIndex();
    private final Ranker ranker = new Ranker(index, new Scorer(index, CommuneProximity.hautsDeFrance(), Weights.DEFAULT, 7));

    private void volunteer(String id, int level, String commune, String status) {
        index.putVolunteer(new PoolVolunteer(id, "partner-" + id, status, List.of(new Skill("accounting", level)), 2,
                List.of(), commune));
    }

    @Test
    void bestFirstWithTheScoreAndItsParts() {
        volunteer("a", 3, "62041", PoolVolunteer.ACTIVE); // right level, far away
        volunteer("b", 3, "59606", PoolVolunteer.ACTIVE); // right level, same commune
        volunteer("c", 1, "59606", PoolVolunteer.ACTIVE); // low level, same commune
        Ranking ranking = ranker.rank(NEED, 10, TODAY, false);
        assertThat(ranking.candidates()).extracting(RankedCandidate::rank, RankedCandidate::volunteerId)
                .containsExactly(tuple(1, "b"), tuple(2, "a"), tuple(3, "c"));
        RankedCandidate best = ranking.candidates().get(0);
        assertThat(best.parts()).isEqualTo(new ScoreParts(1, 1, 1, 1, 0.5));
        assertThat(best.score()).isEqualTo(Weights.DEFAULT.total(best.parts()));
        assertThat(ranking.candidates().get(2).parts().skills()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void equalScoresAreOrderedByVolunteerIdWhateverTheOrderOfArrival() {
        for (String id : new String[]{"d", "b", "c", "a"}) {
            volunteer(id, 3, "59606", PoolVolunteer.ACTIVE);
        }
        assertThat(ranker.rank(NEED, 10, TODAY, false).candidates()).extracting(RankedCandidate::volunteerId)
                .containsExactly("a", "b", "c", "d");
        assertThat(ranker.rank(NEED, 2, TODAY, false).candidates()).extracting(RankedCandidate::volunteerId)
                .containsExactly("a", "b");
    }

    @Test
    void someoneWithNoneOfTheSkillsWantedIsNoCandidate() {
        index.putVolunteer(new PoolVolunteer("x", "p", PoolVolunteer.ACTIVE, List.of(new Skill("cooking", 4)), 2, List.of(), "59606"));
        volunteer("a", 1, "62041", PoolVolunteer.ACTIVE);
        assertThat(ranker.rank(NEED, 10, TODAY, true).candidates()).extracting(RankedCandidate::volunteerId).containsExactly("a");
    }

    @Test
    void pausedOffboardedRefusedAndAlreadyProposedVolunteersAreLeftOutAndSaidSoWhenAsked() {
        volunteer("ok", 3, "59606", PoolVolunteer.ACTIVE);
        volunteer("paused", 3, "59606", "PAUSED");
        volunteer("gone", 3, "59606", "OFFBOARDED");
        volunteer("erased", 3, "59606", "ERASED");
        volunteer("declined", 3, "59606", PoolVolunteer.ACTIVE);
        volunteer("refused", 3, "59606", PoolVolunteer.ACTIVE);
        volunteer("proposed", 3, "59606", PoolVolunteer.ACTIVE);
        volunteer("cancelled", 3, "59606", PoolVolunteer.ACTIVE);
        index.putMission(new PoolMission("m1", "need", "declined", "partner-declined", MissionState.DECLINED, Party.VOLUNTEER, 0));
        index.putMission(new PoolMission("m2", "need", "refused", "partner-refused", MissionState.DECLINED, Party.EMPLOYER, 0));
        index.putMission(new PoolMission("m3", "need", "proposed", "partner-proposed", MissionState.PROPOSED, null, 0));
        index.putMission(new PoolMission("m4", "need", "cancelled", "partner-cancelled", MissionState.CANCELLED, null, 0));
        index.putMission(new PoolMission("m5", "other-need", "ok", "partner-ok", MissionState.DECLINED, Party.VOLUNTEER, 0));

        Ranking ranking = ranker.rank(NEED, 10, TODAY, true);
        assertThat(ranking.candidates()).extracting(RankedCandidate::volunteerId).containsExactly("cancelled", "ok");
        assertThat(ranking.exclusions()).extracting(Exclusion::volunteerId, Exclusion::reason).containsExactly(
                tuple("declined", Reason.DECLINED_THIS_NEED), tuple("erased", Reason.OFFBOARDED),
                tuple("gone", Reason.OFFBOARDED), tuple("paused", Reason.PAUSED),
                tuple("proposed", Reason.ALREADY_PROPOSED), tuple("refused", Reason.EMPLOYER_REFUSED));
        assertThat(ranker.rank(NEED, 10, TODAY, false).exclusions()).isEmpty();
    }
}
