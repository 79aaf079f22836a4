package fr.alize.matching.ranking;

/** The parts of a candidate's score, each from 0 (worst) to 1 (best). */
public record ScoreParts(double skills, double availability, double proximity, double load, double spread) {
}
