package fr.alize.matching.pool;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The candidate pool in memory, indexed for ranking: volunteers by id and by skill held, needs, missions by
 * volunteer and by need, partner balances. Plain Java (no framework), safe for concurrent readers and writers; each
 * entry is an immutable value replaced whole.
 */
public class CandidateIndex {

    private final Map<String, PoolVolunteer> volunteers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> levelsBySkill = new ConcurrentHashMap<>();
    private final Map<String, PoolNeed> needs = new ConcurrentHashMap<>();
    private final Map<String, PoolMission> missions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PoolMission>> missionsByVolunteer = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PoolMission>> missionsByNeed = new ConcurrentHashMap<>();
    private final Map<String, PartnerBalance> partners = new ConcurrentHashMap<>();

    public void putVolunteer(PoolVolunteer volunteer) {
        PoolVolunteer previous = volunteers.put(volunteer.volunteerId(), volunteer);
        if (previous != null) {
            previous.skills().forEach(skill -> holders(skill.skillId()).remove(previous.volunteerId()));
        }
        volunteer.skills().forEach(skill -> holders(skill.skillId()).merge(volunteer.volunteerId(), skill.level(), Math::max));
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
        return levelsBySkill.getOrDefault(skillId, Map.of());
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

    private Map<String, Integer> holders(String skillId) {
        return levelsBySkill.computeIfAbsent(skillId, id -> new ConcurrentHashMap<>());
    }
}
