package fr.alize.impact.dashboard;

import fr.alize.impact.dashboard.ProgrammeLists.Logged;
import fr.alize.impact.dashboard.ProgrammeLists.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.alize.contracts.MissionsTopic.MISSION_ACCEPTED;
import static fr.alize.contracts.MissionsTopic.MISSION_CANCELLED;
import static fr.alize.contracts.MissionsTopic.MISSION_COMPLETED;
import static fr.alize.contracts.MissionsTopic.MISSION_DECLINED;
import static fr.alize.contracts.MissionsTopic.MISSION_PROPOSED;
import static fr.alize.contracts.MissionsTopic.MISSION_STARTED;
import static fr.alize.contracts.NeedsTopic.NEED_AMENDED;
import static fr.alize.contracts.NeedsTopic.NEED_EXPIRED;
import static fr.alize.contracts.NeedsTopic.NEED_FULFILLED;
import static fr.alize.contracts.NeedsTopic.NEED_MATCHED;
import static fr.alize.contracts.NeedsTopic.NEED_PUBLISHED;
import static fr.alize.contracts.NeedsTopic.NEED_REOPENED;
import static fr.alize.contracts.NeedsTopic.NEED_WITHDRAWN;
import static fr.alize.contracts.NeedsTopic.SME_APPLIED;

/**
 * The coordinator's worklist, read from the event log as of a moment (now by default): what waits for someone.
 * <ul>
 *   <li>SMEs that applied and have no committee decision yet;</li>
 *   <li>needs open (published or reopened, not withdrawn, expired or fulfilled) for more than {@code days} days
 *       without a mission proposed since they were (re)opened;</li>
 *   <li>proposals neither started, declined nor cancelled that a party has not accepted yet, naming the parties;</li>
 *   <li>running missions (started, neither completed nor cancelled) with no time logged for more than {@code days}
 *       days (counted from the last entry's date, or from the start when none was logged).</li>
 * </ul>
 */
@ApplicationScoped
public class Worklist {

    static final List<String> PARTIES = List.of("SME", "VOLUNTEER", "EMPLOYER");

    @Inject
    ProgrammeLists lists;
    @Inject
    Clock clock;

    public record AwaitingCommittee(String smeId, String name, LocalDate appliedOn, long daysWaiting) {
    }

    public record NeedWithoutProposal(String needId, String smeId, String smeName, String category, String title,
                                      LocalDate openSince, long daysWaiting) {
    }

    public record ProposalAwaiting(String missionId, String needId, String smeId, String smeName, String partnerId,
                                   String partnerName, String volunteerId, List<String> waitingFor,
                                   LocalDate proposedOn, long daysWaiting) {
    }

    public record MissionWithoutTime(String missionId, String smeId, String smeName, String partnerId,
                                     String partnerName, String volunteerId, LocalDate startDate,
                                     LocalDate lastTimeLogged, long daysWithoutTime) {
    }

    public record Items(Instant asOf, LocalDate today, int days, List<AwaitingCommittee> smesAwaitingCommittee,
                        List<NeedWithoutProposal> needsWithoutProposal, List<ProposalAwaiting> proposalsAwaitingAcceptance,
                        List<MissionWithoutTime> missionsWithoutTime) {
    }

    public Items items(int days, Instant asOf) {
        ZoneId zone = clock.getZone();
        LocalDate today = (asOf != null ? asOf : clock.instant()).atZone(zone).toLocalDate();
        Map<String, Profile> profiles = lists.profiles(asOf, "IS NOT NULL");
        Map<String, String> partners = lists.partnerNames(asOf);

        // SMEs awaiting the committee
        Map<String, LocalDate> applied = new LinkedHashMap<>();
        Set<String> decided = new HashSet<>();
        for (Logged e : lists.read(asOf, "type IN ('SmeApplied', 'SmeApproved', 'SmeRejected')")) {
            if (e.type().equals(SME_APPLIED)) {
                applied.putIfAbsent(e.text("smeId"), e.occurredAt().atZone(zone).toLocalDate());
            } else {
                decided.add(e.text("smeId"));
            }
        }
        List<AwaitingCommittee> committee = new ArrayList<>();
        applied.forEach((sme, on) -> {
            if (!decided.contains(sme)) {
                committee.add(new AwaitingCommittee(sme, profiles.getOrDefault(sme, Profile.NONE).name(), on,
                        ChronoUnit.DAYS.between(on, today)));
            }
        });
        committee.sort(Comparator.comparing(AwaitingCommittee::appliedOn).thenComparing(AwaitingCommittee::smeId));

        // needs open without a proposal
        record Need(String smeId, String category, String title, Instant openSince, boolean open, boolean proposed) {
        }
        Map<String, Need> needs = new LinkedHashMap<>();
        // mission events, in the order they happened
        Map<String, Logged> proposals = new LinkedHashMap<>();
        Map<String, Set<String>> accepted = new HashMap<>();
        Set<String> over = new HashSet<>();
        Map<String, Logged> started = new LinkedHashMap<>();
        Set<String> ended = new HashSet<>();
        for (Logged e : lists.read(asOf, "type IN ('NeedPublished', 'NeedAmended', 'NeedReopened', 'NeedWithdrawn', "
                + "'NeedExpired', 'NeedFulfilled', 'NeedMatched', 'MissionProposed', 'MissionAccepted', 'MissionDeclined', "
                + "'MissionCancelled', 'MissionStarted', 'MissionCompleted')")) {
            String needId = e.text("needId");
            Need need = needs.get(needId);
            String mission = e.text("missionId");
            switch (e.type()) {
                case NEED_PUBLISHED -> needs.put(needId, new Need(e.text("smeId"), e.text("category"), e.text("title"),
                        e.occurredAt(), true, false));
                case NEED_AMENDED -> {
                    if (need != null) {
                        needs.put(needId, new Need(need.smeId(), or(e.text("category"), need.category()),
                                or(e.text("title"), need.title()), need.openSince(), need.open(), need.proposed()));
                    }
                }
                case NEED_REOPENED -> {
                    if (need != null) {
                        needs.put(needId, new Need(need.smeId(), need.category(), need.title(), e.occurredAt(), true, false));
                    }
                }
                case NEED_WITHDRAWN, NEED_EXPIRED, NEED_FULFILLED -> {
                    if (need != null) {
                        needs.put(needId, new Need(need.smeId(), need.category(), need.title(), need.openSince(), false, need.proposed()));
                    }
                }
                case NEED_MATCHED -> {
                    if (need != null) {
                        needs.put(needId, new Need(need.smeId(), need.category(), need.title(), need.openSince(), need.open(), true));
                    }
                }
                case MISSION_PROPOSED -> {
                    proposals.putIfAbsent(mission, e);
                    if (need != null) {
                        needs.put(needId, new Need(need.smeId(), need.category(), need.title(), need.openSince(), need.open(), true));
                    }
                }
                case MISSION_ACCEPTED -> accepted.computeIfAbsent(mission, m -> new HashSet<>()).add(e.text("party"));
                case MISSION_DECLINED -> over.add(mission);
                case MISSION_CANCELLED -> {
                    over.add(mission);
                    ended.add(mission);
                }
                case MISSION_STARTED -> {
                    over.add(mission);
                    started.putIfAbsent(mission, e);
                }
                case MISSION_COMPLETED -> ended.add(mission);
                default -> { }
            }
        }
        List<NeedWithoutProposal> waitingNeeds = new ArrayList<>();
        needs.forEach((id, need) -> {
            LocalDate since = need.openSince().atZone(zone).toLocalDate();
            long waiting = ChronoUnit.DAYS.between(since, today);
            if (need.open() && !need.proposed() && waiting > days) {
                waitingNeeds.add(new NeedWithoutProposal(id, need.smeId(), profiles.getOrDefault(need.smeId(), Profile.NONE).name(),
                        need.category(), need.title(), since, waiting));
            }
        });
        waitingNeeds.sort(Comparator.comparing(NeedWithoutProposal::openSince).thenComparing(NeedWithoutProposal::needId));

        List<ProposalAwaiting> waitingProposals = new ArrayList<>();
        proposals.forEach((mission, e) -> {
            if (over.contains(mission)) {
                return;
            }
            Set<String> done = accepted.getOrDefault(mission, Set.of());
            List<String> missing = PARTIES.stream().filter(p -> !done.contains(p)).toList();
            if (!missing.isEmpty()) {
                LocalDate on = e.text("proposedOn") != null ? LocalDate.parse(e.text("proposedOn"))
                        : e.occurredAt().atZone(zone).toLocalDate();
                waitingProposals.add(new ProposalAwaiting(mission, e.text("needId"), e.text("smeId"),
                        profiles.getOrDefault(e.text("smeId"), Profile.NONE).name(), e.text("partnerId"),
                        partners.get(e.text("partnerId")), e.text("volunteerId"), missing, on, ChronoUnit.DAYS.between(on, today)));
            }
        });
        waitingProposals.sort(Comparator.comparing(ProposalAwaiting::proposedOn).thenComparing(ProposalAwaiting::missionId));

        Map<String, LocalDate> lastLogged = new HashMap<>();
        if (!started.isEmpty()) {
            for (Logged e : lists.read(asOf, "type = 'TimeLogged' AND data ->> 'missionId' IN "
                    + "(SELECT data ->> 'missionId' FROM events WHERE type = 'MissionStarted')")) {
                lastLogged.merge(e.text("missionId"), LocalDate.parse(e.text("date")), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<MissionWithoutTime> idle = new ArrayList<>();
        started.forEach((mission, e) -> {
            if (ended.contains(mission)) {
                return;
            }
            LocalDate start = LocalDate.parse(e.text("startDate"));
            LocalDate last = lastLogged.get(mission);
            LocalDate since = last == null || last.isBefore(start) ? start : last;
            long without = ChronoUnit.DAYS.between(since, today);
            if (without > days) {
                idle.add(new MissionWithoutTime(mission, e.text("smeId"), profiles.getOrDefault(e.text("smeId"), Profile.NONE).name(),
                        e.text("partnerId"), partners.get(e.text("partnerId")), e.text("volunteerId"), start, last, without));
            }
        });
        idle.sort(Comparator.comparing(MissionWithoutTime::daysWithoutTime).reversed().thenComparing(MissionWithoutTime::missionId));
        return new Items(asOf, today, days, committee, waitingNeeds, waitingProposals, idle);
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
