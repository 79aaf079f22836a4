package fr.alize.impact.figures;

/** One series of the read model: a figure for a year and a breakdown key. */
public record FigureKey(Figure figure, int year, String key) implements Comparable<FigureKey> {

    @Override
    public int compareTo(FigureKey other) {
        int c = figure.compareTo(other.figure);
        if (c == 0) {
            c = Integer.compare(year, other.year);
        }
        return c != 0 ? c : key.compareTo(other.key);
    }
}
