package fr.alize.matching.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The candidate pool in memory, indexed for ranking: volunteers by id and by skill held, needs, missions by
 * volunteer and by need, partner balances. Plain Java (no framework), safe for concurrent readers and writers; each
 * entry is an immutable value replaced whole.
 */
public class CandidateIndex {

    private final Map<String, PoolVolunteer> volunteers = new ConcurrentHashMap<>();
    private final Map<String, SkillHolders> bySkill = new ConcurrentHashMap<>();
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    private final AtomicInteger nextOrdinal = new AtomicInteger();
    private final Map<String, Integer> communeOrdinals = new ConcurrentHashMap<>();
    private final Map<String, Integer> partnerOrdinals = new ConcurrentHashMap<>();
    private final AtomicInteger nextCommune = new AtomicInteger();
    private final AtomicInteger nextPartner = new AtomicInteger();
    private final Map<String, PoolNeed> needs = new ConcurrentHashMap<>();
    private final Map<String, PoolMission> missions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PoolMission>> missionsByVolunteer = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PoolMission>> missionsByNeed = new ConcurrentHashMap<>();
    private final Map<String, PartnerBalance> partners = new ConcurrentHashMap<>();

    /**
     * The holders of one skill as arrays in a fixed order (the order in which volunteers first entered the index),
     * with whether each is active, the level each holds, the days a month each can give and the numbers of their
     * commune and partner (see {@link #communeOrdinal}): what ranking walks, without reading each volunteer's record.
     * Do not modify the arrays.
     */
    public record Holders(int[] ordinals, PoolVolunteer[] volunteers, boolean[] active, int[] levels,
                          double[] daysPerMonth, int[] communes, int[] partners) {
        static final Holders NONE = new Holders(new int[0], new PoolVolunteer[0], new boolean[0], new int[0],
                new double[0], new int[0], new int[0]);

        public int size() {
            return ordinals.length;
        }
    }

    /** The holders of a skill: the live map, and the arrays built from it on first use after each change. */
    private static final class SkillHolders {
        final Map<String, Integer> levels = new ConcurrentHashMap<>();
        final AtomicInteger version = new AtomicInteger();
        volatile Snapshot snapshot;
    }

    private record Snapshot(int version, Holders holders) {
    }

    public void putVolunteer(PoolVolunteer volunteer) {
        ordinals.computeIfAbsent(volunteer.volunteerId(), id -> nextOrdinal.getAndIncrement());
        if (volunteer.communeCode() != null) {
            communeOrdinals.computeIfAbsent(volunteer.communeCode(), code -> nextCommune.getAndIncrement());
        }
        if (volunteer.partnerId() != null) {
            partnerOrdinals.computeIfAbsent(volunteer.partnerId(), id -> nextPartner.getAndIncrement());
        }
        PoolVolunteer previous = volunteers.put(volunteer.volunteerId(), volunteer);
        if (previous != null) {
            previous.skills().forEach(skill -> holders(skill.skillId()).levels.remove(previous.volunteerId()));
        }
        volunteer.skills().forEach(skill -> holders(skill.skillId()).levels
                .merge(volunteer.volunteerId(), skill.level(), Math::max));
        // after the change, so that arrays built from the old state are not kept; the arrays name the volunteer
        // record itself, so they are built again even when the skills did not change
        if (previous != null) {
            previous.skills().forEach(skill -> holders(skill.skillId()).version.incrementAndGet());
        }
        volunteer.skills().forEach(skill -> holders(skill.skillId()).version.incrementAndGet());
    }

    public void putNeed(PoolNeed need) {
        needs.put(need.needId(), need);
    }

    public void putMission(PoolMission mission) {
        missions.put(mission.missionId(), mission);
        missionsByVolunteer.computeIfAbsent(mission.volunteerId(), id -> new ConcurrentHashMap<>())
                .put(mission.missionId(), mission);
        missionsByNeed.computeIfAbsent(mission.needId(), id -> new ConcurrentHashMap<>())
                .put(mission.missionId(), mission);
    }

    public void putPartner(PartnerBalance balance) {
        partners.put(balance.partnerId(), balance);
    }

    public PoolVolunteer volunteer(String volunteerId) {
        return volunteers.get(volunteerId);
    }

    public PoolNeed need(String needId) {
        return needs.get(needId);
    }

    public PartnerBalance partner(String partnerId) {
        PartnerBalance balance = partners.get(partnerId);
        return balance != null ? balance : PartnerBalance.none(partnerId);
    }

    public Collection<PoolVolunteer> volunteers() {
        return volunteers.values();
    }

    public Collection<PoolNeed> needs() {
        return needs.values();
    }

    /** The volunteers who hold a skill: volunteer id → level held. */
    public Map<String, Integer> holdersOf(String skillId) {
        SkillHolders holders = bySkill.get(skillId);
        return holders == null ? Map.of() : holders.levels;
    }

    /**
     * The same holders as arrays ordered by {@link Holders#ordinals()}, built again on first use after a change. A
     * change made while they are built bumps the version, so those arrays are not kept.
     */
    public Holders sortedHoldersOf(String skillId) {
        SkillHolders holders = bySkill.get(skillId);
        if (holders == null) {
            return Holders.NONE;
        }
        int version = holders.version.get();
        Snapshot snapshot = holders.snapshot;
        if (snapshot != null && snapshot.version() == version) {
            return snapshot.holders();
        }
        List<Object[]> rows = new ArrayList<>(holders.levels.size());
        holders.levels.forEach((volunteerId, level) -> {
            PoolVolunteer volunteer = volunteers.get(volunteerId);
            if (volunteer != null) {
                rows.add(new Object[]{ordinals.get(volunteerId), volunteer, level});
            }
        });
        Holders built = holders(rows);
        holders.snapshot = new Snapshot(version, built);
        return built;
    }

    /**
     * Every volunteer of the index as holders (of no skill in particular: level 0), in the same order, for a need
     * that names no skill. Built on each call.
     */
    public Holders everyone() {
        List<Object[]> rows = new ArrayList<>(volunteers.size());
        volunteers.forEach((volunteerId, volunteer) -> rows.add(new Object[]{ordinals.get(volunteerId), volunteer, 0}));
        return holders(rows);
    }

    /** Holders from rows of {ordinal, volunteer, level}, sorted by ordinal. */
    private Holders holders(List<Object[]> rows) {
        rows.sort(Comparator.comparingInt(row -> (Integer) row[0]));
        int[] order = new int[rows.size()];
        PoolVolunteer[] held = new PoolVolunteer[rows.size()];
        boolean[] active = new boolean[rows.size()];
        int[] levels = new int[rows.size()];
        double[] daysPerMonth = new double[rows.size()];
        int[] communes = new int[rows.size()];
        int[] partners = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            order[i] = (Integer) rows.get(i)[0];
            held[i] = (PoolVolunteer) rows.get(i)[1];
            active[i] = held[i].active();
            levels[i] = (Integer) rows.get(i)[2];
            daysPerMonth[i] = held[i].daysPerMonth();
            communes[i] = communeOrdinal(held[i].communeCode());
            partners[i] = partnerOrdinal(held[i].partnerId());
        }
        return new Holders(order, held, active, levels, daysPerMonth, communes, partners);
    }

    public Collection<PoolMission> missionsOfVolunteer(String volunteerId) {
        Map<String, PoolMission> of = missionsByVolunteer.get(volunteerId);
        return of == null ? List.of() : of.values();
    }

    public Collection<PoolMission> missionsForNeed(String needId) {
        Map<String, PoolMission> of = missionsByNeed.get(needId);
        return of == null ? List.of() : of.values();
    }

    public int size() {
        return volunteers.size();
    }

    /** The number the index gave a volunteer when it first saw them (see {@link Holders#ordinals()}); -1 if never. */
    public int ordinal(String volunteerId) {
        Integer ordinal = ordinals.get(volunteerId);
        return ordinal == null ? -1 : ordinal;
    }

    /**
     * A number for each commune code seen on a volunteer, from 0 up (below {@link #communeCount()}), so that ranking
     * can keep what it computes per commune in an array; -1 for none.
     */
    public int communeOrdinal(String communeCode) {
        Integer ordinal = communeCode == null ? null : communeOrdinals.get(communeCode);
        return ordinal == null ? -1 : ordinal;
    }

    public int communeCount() {
        return nextCommune.get();
    }

    /** The same for partner companies. */
    public int partnerOrdinal(String partnerId) {
        Integer ordinal = partnerId == null ? null : partnerOrdinals.get(partnerId);
        return ordinal == null ? -1 : ordinal;
    }

    public int partnerCount() {
        return nextPartner.get();
    }

    private SkillHolders holders(String skillId) {
        return bySkill.computeIfAbsent(skillId, id -> new SkillHolders());
    }
}
