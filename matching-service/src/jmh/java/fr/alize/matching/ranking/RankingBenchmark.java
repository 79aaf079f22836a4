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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Ranking one need among a pool of 100,000 volunteers and 10,000 open needs: the indexed ranking the service uses
 * ({@link Ranker#rank}) beside the tests' naive full scan of the same pool ({@link FullScanOracle}). Each invocation
 * ranks the next need of the 10,000, top 10. Sample time gives the percentiles (p99), throughput the rankings a second.
 * The pool is synthetic and seeded (same pool every run): 200 skills, 3 to 6 skills a volunteer, communes drawn from
 * the Hauts-de-France reference, 500 partner companies with pledges, 20,000 running missions, some absences.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RankingBenchmark {

    static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    static final int SKILLS = 200;

    @Param("100000")
    int volunteers;
    @Param("10000")
    int needs;
    @Param("10")
    int limit;

    private Ranker ranker;
    private FullScanOracle oracle;
    private PoolNeed[] openNeeds;
    private int next;

    @Setup(Level.Trial)
    public void buildPool() {
        Random random = new Random(20270201L);
        CommuneProximity communes = CommuneProximity.hautsDeFrance();
        List<String> communeCodes = communeCodes();
        CandidateIndex index = new CandidateIndex();
        int partners = 500;
        for (int p = 0; p < partners; p++) {
            index.putPartner(new PartnerBalance(partnerId(p), Map.of(2027, 20.0 + random.nextInt(200)),
                    Map.of(2027, random.nextInt(1500) * 1.0)));
        }
        for (int i = 0; i < volunteers; i++) {
            int held = 3 + random.nextInt(4);
            List<Skill> skills = new ArrayList<>();
            for (int s = 0; s < held; s++) {
                skills.add(new Skill(skillId(random.nextInt(SKILLS)), 1 + random.nextInt(4)));
            }
            List<Absence> absences = random.nextInt(4) == 0
                    ? List.of(new Absence(TODAY.plusDays(random.nextInt(60)), TODAY.plusDays(60 + random.nextInt(30))))
                    : List.of();
            index.putVolunteer(new PoolVolunteer(volunteerId(i), partnerId(random.nextInt(partners)),
                    random.nextInt(20) == 0 ? "PAUSED" : PoolVolunteer.ACTIVE, List.copyOf(skills), random.nextInt(6),
                    absences, communeCodes.get(random.nextInt(communeCodes.size()))));
        }
        openNeeds = new PoolNeed[needs];
        for (int n = 0; n < needs; n++) {
            int wanted = 1 + random.nextInt(4);
            List<Skill> skills = new ArrayList<>();
            for (int s = 0; s < wanted; s++) {
                skills.add(new Skill(skillId(random.nextInt(SKILLS)), 1 + random.nextInt(4)));
            }
            LocalDate start = TODAY.plusDays(random.nextInt(30));
            openNeeds[n] = new PoolNeed("need-" + n, "sme-" + n, PoolNeed.OPEN, List.copyOf(skills), 1 + random.nextInt(20),
                    start, start.plusDays(30 + random.nextInt(120)), communeCodes.get(random.nextInt(communeCodes.size())));
            index.putNeed(openNeeds[n]);
        }
        for (int m = 0; m < 20_000; m++) {
            int v = random.nextInt(volunteers);
            index.putMission(new PoolMission("mission-" + m, "need-" + random.nextInt(needs), volunteerId(v),
                    index.volunteer(volunteerId(v)).partnerId(),
                    m % 10 == 0 ? MissionState.DECLINED : MissionState.STARTED, null, random.nextInt(50)));
        }
        Scorer scorer = new Scorer(index, communes, Weights.DEFAULT, 7);
        ranker = new Ranker(index, scorer);
        oracle = new FullScanOracle(index, scorer);
        // both ways must agree, or the comparison means nothing
        for (int n = 0; n < 50; n++) {
            if (!ranker.rank(openNeeds[n], limit, TODAY, false).candidates()
                    .equals(oracle.rank(openNeeds[n], limit, TODAY).candidates())) {
                throw new IllegalStateException("indexed ranking and full scan disagree on " + openNeeds[n].needId());
            }
        }
    }

    private PoolNeed nextNeed() {
        PoolNeed need = openNeeds[next];
        next = (next + 1) % openNeeds.length;
        return need;
    }

    @Benchmark
    public Ranking indexed() {
        return ranker.rank(nextNeed(), limit, TODAY, false);
    }

    @Benchmark
    public Ranking naiveFullScan() {
        return oracle.rank(nextNeed(), limit, TODAY);
    }

    private static List<String> communeCodes() {
        return Communes.hautsDeFrance().all().stream().map(Communes.Commune::code).sorted().toList();
    }

    private static String skillId(int i) {
        return "skill-" + i;
    }

    private static String volunteerId(int i) {
        return "%08d-0000-4000-8000-000000000000".formatted(i);
    }

    private static String partnerId(int i) {
        return "partner-" + i;
    }
}
