package fr.alize.matching.ranking;

import fr.alize.matching.pool.Absence;
import fr.alize.matching.pool.CandidateIndex;
import fr.alize.matching.pool.PartnerBalance;
import fr.alize.matching.pool.PoolMission;
import fr.alize.matching.pool.PoolNeed;
import fr.alize.matching.pool.PoolVolunteer;
import fr.alize.matching.pool.Skill;
import fr.alize.programme.Communes.Commune;

import java.time.LocalDate;
import java.util.Arrays;

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
    private final CommuneProximity communes;
    private final Weights weights;
    private final double hoursPerDay;
    /**
     * For each commune number of the index ({@link CandidateIndex#communeOrdinal}), its number in the reference plus
     * 2 (so 1 means outside it, 0 not looked up yet). Kept as long as this scorer (one per index): shared by
     * rankings, grown by copy; a lost write in a race is only looked up again.
     */
    private volatile int[] communeNumbers = new int[0];

    public Scorer(CandidateIndex index, CommuneProximity communes, Weights weights, double hoursPerDay) {
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

    /**
     * Scores volunteers for one need, as of one day. Proximity and spread are kept per commune and per partner for
     * the life of this object (one ranking), in arrays indexed by the index's numbers, since many candidates share
     * them. Not thread-safe: one per ranking.
     */
    public final class Prepared {
        private final PoolNeed need;
        private final int[] wantedLevels;
        private final long fromDay;
        private final long toDay;
        private final Commune place;
        private final int year;
        private final int needCommune;
        private final double[] proximityByCommune;
        private final double[] spreadByPartner;

        private Prepared(PoolNeed need, LocalDate today) {
            this.need = need;
            this.wantedLevels = need.skills().stream().mapToInt(Skill::level).toArray();
            LocalDate from = windowFrom(need, today);
            this.fromDay = from.toEpochDay();
            this.toDay = windowTo(need, from).toEpochDay();
            this.place = communes.place(need.communeCode());
            this.needCommune = communes.number(need.communeCode());
            this.year = today.getYear();
            this.proximityByCommune = unknown(index.communeCount());
            this.spreadByPartner = unknown(index.partnerCount());
        }

        private static double[] unknown(int size) {
            double[] values = new double[size];
            Arrays.fill(values, Double.NaN);
            return values;
        }

        public ScoreParts parts(PoolVolunteer volunteer) {
            return parts(volunteer, skills(heldLevels(need, volunteer)), proximity(volunteer),
                    spread(volunteer));
        }

        /**
         * The skills part from the levels held in the wanted skills, in the need's order (0 for a skill not held):
         * the one sum of the skills part, for the bound and for the score.
         */
        public double skills(int[] held) {
            return Scorer.skills(wantedLevels, held);
        }

        /** How many skills the need wants (the length of the array {@link #skills(int[])} reads). */
        public int wantedCount() {
            return wantedLevels.length;
        }

        /** The parts, with the skills, proximity and spread parts already known. */
        public ScoreParts parts(PoolVolunteer volunteer, double skills, double proximity, double spread) {
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
            return new ScoreParts(skills, availability(volunteer.daysPerMonth(), absentDays(volunteer), owedDays),
                    proximity, load(running), spread);
        }

        private long absentDays(PoolVolunteer volunteer) {
            return Scorer.absentDays(volunteer, fromDay, toDay);
        }

        /** The availability part for a volunteer with these days a month, days absent in the window and days owed. */
        private double availability(double daysPerMonth, long absentDays, double owedDays) {
            return Scorer.availability(need.effortDays(), fromDay, toDay, daysPerMonth, absentDays, owedDays);
        }

        public double proximity(PoolVolunteer volunteer) {
            return proximity(volunteer, index.communeOrdinal(volunteer.communeCode()));
        }

        /** @param commune the volunteer's commune number in the index ({@link CandidateIndex#communeOrdinal}) */
        public double proximity(PoolVolunteer volunteer, int commune) {
            if (needCommune >= 0 && commune >= 0) {
                int number = communeNumber(commune, volunteer.communeCode());
                if (number >= 0) {
                    return communes.proximity(needCommune, number);
                }
            }
            if (commune < 0 || commune >= proximityByCommune.length) {
                return communes.proximity(place, volunteer.communeCode());
            }
            double known = proximityByCommune[commune];
            if (Double.isNaN(known)) {
                known = communes.proximity(place, volunteer.communeCode());
                proximityByCommune[commune] = known;
            }
            return known;
        }

        public double spread(PoolVolunteer volunteer) {
            return spread(volunteer, index.partnerOrdinal(volunteer.partnerId()));
        }

        /** @param partner the volunteer's partner number in the index ({@link CandidateIndex#partnerOrdinal}) */
        public double spread(PoolVolunteer volunteer, int partner) {
            if (partner < 0 || partner >= spreadByPartner.length) {
                return Scorer.this.spread(index.partner(volunteer.partnerId()), year);
            }
            double known = spreadByPartner[partner];
            if (Double.isNaN(known)) {
                known = Scorer.this.spread(index.partner(volunteer.partnerId()), year);
                spreadByPartner[partner] = known;
            }
            return known;
        }

        /**
         * The highest availability part a volunteer with these days a month can have: as if never absent and owing
         * nothing, by the same formula, so never below theirs.
         */
        public double availabilityAtMost(double daysPerMonth) {
            return availability(daysPerMonth, 0, 0);
        }

        /**
         * The highest total a volunteer can reach with parts at most these (load at its best): the formula of the
         * total, so never below the real total when each part given is at least the real one.
         */
        public double upperBound(double skills, double availability, double proximity, double spread) {
            return weights.total(skills, availability, proximity, 1, spread);
        }
    }

    /** The reference number of the commune the index numbers {@code commune}, with {@code code}; -1 outside it. */
    private int communeNumber(int commune, String code) {
        int[] numbers = communeNumbers;
        if (commune < numbers.length && numbers[commune] != 0) {
            return numbers[commune] - 2;
        }
        int number = communes.number(code);
        if (commune >= numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(commune + 1, Math.max(64, numbers.length * 2)));
        }
        numbers[commune] = number + 2;
        communeNumbers = numbers;
        return number;
    }

    static double skills(PoolNeed need, PoolVolunteer volunteer) {
        return skills(need.skills().stream().mapToInt(Skill::level).toArray(), heldLevels(need, volunteer));
    }

    /** The levels a volunteer holds in the skills a need wants, in the need's order. */
    private static int[] heldLevels(PoolNeed need, PoolVolunteer volunteer) {
        return need.skills().stream().mapToInt(wanted -> volunteer.levelOf(wanted.skillId())).toArray();
    }

    /** The skills part: the kernel that both the scorer and the ranking's bound go through. */
    private static double skills(int[] wanted, int[] held) {
        if (wanted.length == 0) {
            return 1;
        }
        double sum = 0;
        for (int k = 0; k < wanted.length; k++) {
            sum += held[k] >= wanted[k] ? 1 : (double) held[k] / wanted[k];
        }
        return sum / wanted.length;
    }

    static double availability(PoolNeed need, PoolVolunteer volunteer, double owedDays, LocalDate today) {
        LocalDate from = windowFrom(need, today);
        long fromDay = from.toEpochDay();
        long toDay = windowTo(need, from).toEpochDay();
        return availability(need.effortDays(), fromDay, toDay, volunteer.daysPerMonth(),
                absentDays(volunteer, fromDay, toDay), owedDays);
    }

    /** The window starts today at the earliest. */
    private static LocalDate windowFrom(PoolNeed need, LocalDate today) {
        return need.windowStart() == null || need.windowStart().isBefore(today) ? today : need.windowStart();
    }

    private static LocalDate windowTo(PoolNeed need, LocalDate from) {
        return need.windowEnd() == null ? from.plusDays(DEFAULT_WINDOW_DAYS - 1) : need.windowEnd();
    }

    /**
     * With the window as epoch days, both included. Fewer days absent or owed never give less (the ranking's bound
     * relies on it).
     */
    private static double availability(double effortDays, long from, long to, double daysPerMonth, long absentDays,
                                       double owedDays) {
        if (effortDays <= 0) {
            return 1;
        }
        if (to < from) {
            return 0;
        }
        long windowDays = to - from + 1;
        double capacity = daysPerMonth * Math.max(0, windowDays - absentDays) / DAYS_PER_MONTH;
        return clamp((capacity - owedDays) / effortDays);
    }

    /** The days of the window (epoch days, both included) covered by the volunteer's absences. */
    private static long absentDays(PoolVolunteer volunteer, long from, long to) {
        long absentDays = 0;
        for (Absence absence : volunteer.absences()) {
            long start = Math.max(absence.from().toEpochDay(), from);
            long end = Math.min(absence.to().toEpochDay(), to);
            if (end >= start) {
                absentDays += end - start + 1;
            }
        }
        return absentDays;
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
