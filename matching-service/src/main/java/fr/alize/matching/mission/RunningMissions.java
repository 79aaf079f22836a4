package fr.alize.matching.mission;

import fr.alize.domain.NotPermitted;
import fr.alize.matching.mission.MissionCommands.AcceptMission;
import fr.alize.matching.mission.MissionCommands.CancelMission;
import fr.alize.matching.mission.MissionCommands.CompleteMission;
import fr.alize.matching.mission.MissionCommands.DeclineMission;
import fr.alize.matching.mission.MissionCommands.LogTime;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.ranking.RankingService;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.web.Page;
import fr.alize.programme.Tenant;
import fr.alize.programme.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposed mission from the parties' acceptances to its end, on behalf of the caller. The CCI reads every
 * mission and cancels; the SME, the volunteer and the employer (partner HR) each read the missions they are a party
 * to and accept or refuse for themselves ({@link TenantGuard}); another tenant's mission answers 403, as an unknown
 * one does.
 */
@ApplicationScoped
public class RunningMissions {

    @Inject
    Commands commands;
    @Inject
    TenantGuard tenants;
    @Inject
    MissionViews views;
    @Inject
    MissionList missions;
    @Inject
    RankingService ranking;
    @Inject
    Clock clock;

    /**
     * Missions matching the filter. A party's own tenant replaces the filter's; a party filtering on another tenant
     * than its own (a volunteer asking for another volunteer's missions) sees nothing.
     */
    public Page<MissionSummary> list(String needId, String smeId, String volunteerId, String partnerId, MissionState state,
                                     int page, int size) {
        MissionList.Filter filter = new MissionList.Filter(lower(needId),
                partyOr(Tenant.SME, smeId), partyOr(Tenant.VOLUNTEER, volunteerId), partyOr(Tenant.PARTNER, partnerId),
                state);
        if (!tenants.actsOnAll() && !ownFilterAgrees(filter, smeId, volunteerId, partnerId)) {
            return new Page<>(List.of(), page, size, 0);
        }
        return missions.list(filter, page, size);
    }

    /** The mission, when the caller may see it: the CCI sees every one (404 when unknown), each party its own. */
    public MissionView get(String missionId) {
        MissionView mission = views.find(missionId.toLowerCase()).orElse(null);
        if (mission == null) {
            if (tenants.actsOnAll()) {
                throw new NotFoundException("No mission " + missionId + ".");
            }
            throw new NotPermitted();
        }
        if (!tenants.actsOnAll()) {
            ownParty(mission);
        }
        return mission;
    }

    /** A party's acceptance; the third starts the mission on the start date given (today when null). */
    public MissionView accept(String missionId, LocalDate startDate) {
        MissionView mission = get(missionId);
        Party party = ownParty(mission);
        Optional<PoolNeed> need = ranking.need(mission.needId);
        commands.send(new AcceptMission(missionId, party, startDate, LocalDate.now(clock),
                need.map(PoolNeed::windowStart).orElse(null), need.map(PoolNeed::windowEnd).orElse(null)));
        return get(missionId);
    }

    public MissionView refuse(String missionId, String reason) {
        Party party = ownParty(get(missionId));
        commands.send(new DeclineMission(missionId, party, reason.strip()));
        return get(missionId);
    }

    /** The volunteer's time on a running mission; the new entry's id. */
    public String logTime(String missionId, LocalDate date, BigDecimal hours, String correctsEntryId) {
        ownParty(get(missionId));
        String entryId = UUID.randomUUID().toString();
        String corrects = correctsEntryId == null ? null : correctsEntryId.toLowerCase();
        commands.send(new LogTime(missionId, entryId, date, hours, corrects, LocalDate.now(clock)));
        return entryId;
    }

    /** The SME's confirmation that the mission ended (today when no date is given). */
    public MissionView complete(String missionId, String outcome, int satisfaction, LocalDate completedOn) {
        ownParty(get(missionId));
        LocalDate on = completedOn != null ? completedOn : LocalDate.now(clock);
        commands.send(new CompleteMission(missionId, on, outcome.strip(), satisfaction));
        return get(missionId);
    }

    public MissionView cancel(String missionId, String reason) {
        get(missionId);
        commands.send(new CancelMission(missionId, reason.strip()));
        return get(missionId);
    }

    /** The party the caller speaks for on this mission; 403 when it is none of them. */
    private Party ownParty(MissionView mission) {
        if (tenants.owns(Tenant.SME, mission.smeId)) {
            return Party.SME;
        }
        if (tenants.owns(Tenant.VOLUNTEER, mission.volunteerId)) {
            return Party.VOLUNTEER;
        }
        if (tenants.owns(Tenant.PARTNER, mission.partnerId)) {
            return Party.EMPLOYER;
        }
        throw new NotPermitted();
    }

    /** For a party of this kind, its own tenant (403 when its token names none); for anyone else, the filter's. */
    private String partyOr(Tenant kind, String requested) {
        return tenants.isA(kind) ? tenants.ownOrRefuse(kind) : lower(requested);
    }

    private static boolean ownFilterAgrees(MissionList.Filter own, String smeId, String volunteerId, String partnerId) {
        return (smeId == null || smeId.equalsIgnoreCase(own.smeId()))
                && (volunteerId == null || volunteerId.equalsIgnoreCase(own.volunteerId()))
                && (partnerId == null || partnerId.equalsIgnoreCase(own.partnerId()));
    }

    private static String lower(String id) {
        return id == null ? null : id.toLowerCase();
    }
}
