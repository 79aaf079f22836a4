package fr.alize.matching.ranking;

import fr.alize.matching.mission.MissionState;
import fr.alize.matching.mission.Party;
import fr.alize.matching.pool.Absence;
import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PartnerBalance;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property of the ranking: on any pool, for any need, weights and limit, the indexed ranking (skill index, pruning
 * bound, bounded heap) gives the same candidates, scores and parts as the {@link FullScanOracle}, and considers as
 * many volunteers; also after random changes to a pool already ranked. Each seed draws a different random pool; a
 * failure names the seed, the need and the limit, so it can be replayed.
 */
class RankerOracleTest {

    static final LocalDate TODAY = ScorerTest.TODAY;
    /** Communes of the reference (the same, in one EPCI, arrondissement or département, or not), one outside it. */
    static final String[] COMMUNES = {"59606", "59014", "59172", "59350", "62041", "80021", "02691", "60057", "75056"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 42, 55, 89, 144})
    void theIndexedRankingEqualsTheFullScanOnRandomPools(long seed) {
        Random random = new Random(seed);
        String[] skills = new String[2 + random.nextInt(10)];
        for (int s = 0; s < skills.length; s++) {
            skills[s] = "skill-" + s;
        }
        int partners = 1 + random.nextInt(30);
        int volunteers = random.nextInt(1500);
        CandidateIndex index = new CandidateIndex();
        for (int p = 0; p < partners; p++) {
            if (random.nextInt(4) > 0) { // some partners pledged nothing
                index.putPartner(new PartnerBalance("p" + p, Map.of(TODAY.getYear(), random.nextInt(60) * 1.0),
                        Map.of(TODAY.getYear(), random.nextInt(400) * 1.0)));
            }
        }
        for (int i = 0; i < volunteers; i++) {
            index.putVolunteer(volunteer(random, "v%05d".formatted(i), skills, partners));
        }
        List<PoolNeed> needs = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            needs.add(need(random, "n" + n, skills));
            index.putNeed(needs.get(n));
        }
        for (int m = 0; m < volunteers / 3; m++) {
            MissionState state = MissionState.values()[random.nextInt(MissionState.values().length)];
            index.putMission(new PoolMission("m" + m, "n" + random.nextInt(needs.size()),
                    "v%05d".formatted(random.nextInt(volunteers)), "p" + random.nextInt(partners), state,
                    state == MissionState.DECLINED ? Party.values()[random.nextInt(3)] : null, random.nextInt(80)));
        }
        Scorer scorer = new Scorer(index, CommuneProximity.hautsDeFrance(), weights(random), 7);
        Ranker ranker = new Ranker(index, scorer);
        FullScanOracle oracle = new FullScanOracle(index, scorer);

        assertSameAsOracle(seed, random, ranker, oracle, needs);
        for (int i = 0; i < volunteers / 5; i++) { // new skills, pauses, new volunteers, after rankings were made
            index.putVolunteer(volunteer(random, "v%05d".formatted(random.nextInt(volunteers + 100)), skills, partners));
        }
        assertSameAsOracle(seed, random, ranker, oracle, needs);
    }

    private static void assertSameAsOracle(long seed, Random random, Ranker ranker, FullScanOracle oracle,
                                           List<PoolNeed> needs) {
        for (PoolNeed need : needs) {
            for (int limit : new int[]{1, 1 + random.nextInt(20), 1 + random.nextInt(120)}) {
                Ranking indexed = ranker.rank(need, limit, TODAY, random.nextBoolean());
                Ranking full = oracle.rank(need, limit, TODAY);
                String what = "seed %d, %s, top %d".formatted(seed, need, limit);
                assertThat(indexed.candidates()).as(what).isEqualTo(full.candidates());
                assertThat(indexed.considered()).as(what + ", considered").isEqualTo(full.considered());
            }
        }
    }

    /** Weights from 0 to 1 each, some of them 0, at least one positive. */
    private static Weights weights(Random random) {
        double[] w = new double[5];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
        }
        w[random.nextInt(w.length)] = 0.05 + random.nextDouble();
        return new Weights(w[0], w[1], w[2], w[3], w[4]);
    }

    /** 0 to 4 skills (the same one possibly twice), with or without a window, some with no effort. */
    private static PoolNeed need(Random random, String id, String[] skills) {
        List<Skill> wanted = new ArrayList<>();
        for (int s = random.nextInt(5); s > 0; s--) {
            wanted.add(new Skill(skills[random.nextInt(skills.length)], 1 + random.nextInt(4)));
        }
        LocalDate start = random.nextBoolean() ? null : TODAY.plusDays(random.nextInt(40) - 10);
        return new PoolNeed(id, "s", PoolNeed.OPEN, List.copyOf(wanted), random.nextInt(12), start,
                start == null ? null : start.plusDays(random.nextInt(90) - 5), COMMUNES[random.nextInt(COMMUNES.length)]);
    }

    /** 0 to 4 skills held, some paused or gone, with absences, some with no commune. */
    private static PoolVolunteer volunteer(Random random, String id, String[] skills, int partners) {
        List<Skill> held = new ArrayList<>();
        for (int s = random.nextInt(5); s > 0; s--) {
            held.add(new Skill(skills[random.nextInt(skills.length)], 1 + random.nextInt(4)));
        }
        List<Absence> absences = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
            LocalDate from = TODAY.plusDays(random.nextInt(90) - 10);
            absences.add(new Absence(from, from.plusDays(random.nextInt(40))));
        }
        String status = switch (random.nextInt(12)) {
            case 0 -> "PAUSED";
            case 1 -> "OFFBOARDED";
            default -> PoolVolunteer.ACTIVE;
        };
        return new PoolVolunteer(id, "p" + random.nextInt(partners), status, List.copyOf(held), random.nextInt(6) * 0.5,
                List.copyOf(absences), random.nextInt(15) == 0 ? null : COMMUNES[random.nextInt(COMMUNES.length)]);
    }
}
