package fr.alize.matching.ranking;

import fr.alize.matching.pool.Absence;
import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PartnerBalance;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Scores one volunteer for one need; each part from 0 to 1:
 * <ul>
 *     <li>skills: mean over the wanted skills of 1 when held at the wanted level or above, level held / level
 *     wanted when below, 0 when not held (1 when the need names no skill);</li>
 *     <li>availability: days the volunteer can give in the need's window (days per month over the days of the window
 *     not covered by an absence, minus days still owed to running missions) against the effort asked, capped at 1;
 *     a need without a window is looked at over the next {@value #DEFAULT_WINDOW_DAYS} days;</li>
 *     <li>proximity: same commune 1, same EPCI 0.75, same arrondissement 0.5, same département 0.25;</li>
 *     <li>load: 1 / (1 + missions running);</li>
 *     <li>spread: 1 - (days given this year / days pledged this year) / 2, within 0..1; 0.5 without a pledge.</li>
 * </ul>
 */
public final class Scorer {

    static final int DEFAULT_WINDOW_DAYS = 90;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private final CandidateIndex index;
    private final Communes communes;
    private final Weights weights;
    private final double hoursPerDay;

    public Scorer(CandidateIndex index, Communes communes, Weights weights, double hoursPerDay) {
        this.index = index;
        this.communes = communes;
        this.weights = weights;
        this.hoursPerDay = hoursPerDay;
    }

    public Weights weights() {
        return weights;
    }

    public ScoreParts parts(PoolNeed need, PoolVolunteer volunteer, LocalDate today) {
        return prepare(need, today).parts(volunteer);
    }

    public double total(ScoreParts parts) {
        return weights.total(parts);
    }

    /** What does not change from one volunteer to the next when scoring many for one need. */
    public Prepared prepare(PoolNeed need, LocalDate today) {
        return new Prepared(need, today);
    }

    /** Scores volunteers for one need, as of one day. */
    public final class Prepared {
        private final PoolNeed need;
        private final LocalDate from;
        private final LocalDate to;
        private final Communes.Commune place;
        private final int year;

        private Prepared(PoolNeed need, LocalDate today) {
            this.need = need;
            this.from = windowFrom(need, today);
            this.to = windowTo(need, from);
            this.place = communes.place(need.communeCode());
            this.year = today.getYear();
        }

        public ScoreParts parts(PoolVolunteer volunteer) {
            return parts(volunteer, skills(need, volunteer));
        }

        /** The parts, with the skills part already known (from the skill index). */
        public ScoreParts parts(PoolVolunteer volunteer, double skills) {
            int running = 0;
            double owedDays = 0;
            for (PoolMission mission : index.missionsOfVolunteer(volunteer.volunteerId())) {
                if (mission.running()) {
                    running++;
                    PoolNeed missionNeed = index.need(mission.needId());
                    double effort = missionNeed == null ? 0 : missionNeed.effortDays();
                    owedDays += Math.max(0, effort - mission.loggedHours() / hoursPerDay);
                }
            }
            return new ScoreParts(skills, availability(need.effortDays(), from, to, volunteer, owedDays),
                    communes.proximity(place, volunteer.communeCode()), load(running),
                    spread(index.partner(volunteer.partnerId()), year));
        }
    }

    static double skills(PoolNeed need, PoolVolunteer volunteer) {
        if (need.skills().isEmpty()) {
            return 1;
        }
        double sum = 0;
        for (Skill wanted : need.skills()) {
            int held = volunteer.levelOf(wanted.skillId());
            sum += held >= wanted.level() ? 1 : (double) held / wanted.level();
        }
        return sum / need.skills().size();
    }

    static double availability(PoolNeed need, PoolVolunteer volunteer, double owedDays, LocalDate today) {
        LocalDate from = windowFrom(need, today);
        return availability(need.effortDays(), from, windowTo(need, from), volunteer, owedDays);
    }

    /** The window starts today at the earliest. */
    private static LocalDate windowFrom(PoolNeed need, LocalDate today) {
        return need.windowStart() == null || need.windowStart().isBefore(today) ? today : need.windowStart();
    }

    private static LocalDate windowTo(PoolNeed need, LocalDate from) {
        return need.windowEnd() == null ? from.plusDays(DEFAULT_WINDOW_DAYS - 1) : need.windowEnd();
    }

    private static double availability(double effortDays, LocalDate from, LocalDate to, PoolVolunteer volunteer,
                                       double owedDays) {
        if (effortDays <= 0) {
            return 1;
        }
        if (to.isBefore(from)) {
            return 0;
        }
        long windowDays = ChronoUnit.DAYS.between(from, to) + 1;
        long absentDays = 0;
        for (Absence absence : volunteer.absences()) {
            LocalDate start = absence.from().isAfter(from) ? absence.from() : from;
            LocalDate end = absence.to().isBefore(to) ? absence.to() : to;
            if (!end.isBefore(start)) {
                absentDays += ChronoUnit.DAYS.between(start, end) + 1;
            }
        }
        double capacity = volunteer.daysPerMonth() * Math.max(0, windowDays - absentDays) / DAYS_PER_MONTH;
        return clamp((capacity - owedDays) / effortDays);
    }

    static double load(int runningMissions) {
        return 1.0 / (1 + runningMissions);
    }

    double spread(PartnerBalance partner, int year) {
        Double pledged = partner.pledgedDays().get(year);
        if (pledged == null || pledged <= 0) {
            return 0.5;
        }
        double given = partner.loggedHours().getOrDefault(year, 0.0) / hoursPerDay;
        return clamp(1 - given / pledged / 2);
    }

    private static double clamp(double value) {
        return value < 0 ? 0 : Math.min(1, value);
    }
}
