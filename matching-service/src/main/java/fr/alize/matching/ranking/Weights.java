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
        return total(parts.skills(), parts.availability(), parts.proximity(), parts.load(), parts.spread());
    }

    /**
     * The one formula of the total, for a score and for the upper bound ranking prunes with. Each product and sum is
     * rounded monotonically, so a part that grows never makes the total smaller: a bound from parts at or above the
     * real ones is never below the real total.
     */
    double total(double skillsPart, double availabilityPart, double proximityPart, double loadPart, double spreadPart) {
        double sum = skills + availability + proximity + load + spread;
        return (skills * skillsPart + availability * availabilityPart + proximity * proximityPart
                + load * loadPart + spread * spreadPart) / sum;
    }
}
