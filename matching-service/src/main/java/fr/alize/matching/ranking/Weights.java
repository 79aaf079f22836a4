package fr.alize.matching.ranking;

/** How much each part counts in the total; the total is the weighted mean of the parts, so it stays in 0..1. */
public record Weights(double skills, double availability, double proximity, double load, double spread) {

    public static final Weights DEFAULT = new Weights(0.40, 0.20, 0.15, 0.15, 0.10);

    public Weights {
        for (double w : new double[]{skills, availability, proximity, load, spread}) {
            if (w < 0 || Double.isNaN(w)) {
                throw new IllegalArgumentException("weights must be zero or more: " + this);
            }
        }
        if (skills + availability + proximity + load + spread <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    double total(ScoreParts parts) {
        double sum = skills + availability + proximity + load + spread;
        return (skills * parts.skills() + availability * parts.availability() + proximity * parts.proximity()
                + load * parts.load() + spread * parts.spread()) / sum;
    }
}
