package fr.alize.impact.figures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A subject's contributions over recording time, as changes: at each instant one of its events was recorded, what
 * its contribution to each series became minus what it was. The read model holds, per series, the running sum of
 * these changes over every subject, so that the value "as of" an instant is the row at or before it.
 */
public final class Timeline {

    private Timeline() {
    }

    /** The changes of one subject whose recorded events are {@code events}, by series then instant. */
    public static Map<FigureKey, TreeMap<Instant, Measures>> of(List<LoggedEvent> events,
                                                                  Function<List<LoggedEvent>, Map<FigureKey, Measures>> figures) {
        List<LoggedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(LoggedEvent::recordedAt));
        Map<FigureKey, TreeMap<Instant, Measures>> changes = new TreeMap<>();
        Map<FigureKey, Measures> before = Map.of();
        for (int i = 0; i < sorted.size(); ) {
            Instant at = sorted.get(i).recordedAt();
            while (i < sorted.size() && sorted.get(i).recordedAt().equals(at)) {
                i++;
            }
            Map<FigureKey, Measures> after = figures.apply(sorted.subList(0, i));
            Set<FigureKey> keys = new HashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (FigureKey key : keys) {
                Measures change = after.getOrDefault(key, Measures.ZERO).minus(before.getOrDefault(key, Measures.ZERO));
                if (!change.isZero()) {
                    changes.computeIfAbsent(key, k -> new TreeMap<>()).put(at, change);
                }
            }
            before = after;
        }
        return changes;
    }

    /** What moving from the {@code before} changes to the {@code after} ones adds to each series at each instant. */
    public static Map<FigureKey, TreeMap<Instant, Measures>> difference(Map<FigureKey, TreeMap<Instant, Measures>> after,
                                                                          Map<FigureKey, TreeMap<Instant, Measures>> before) {
        Map<FigureKey, TreeMap<Instant, Measures>> difference = new TreeMap<>();
        after.forEach((key, changes) -> changes.forEach((at, change) -> add(difference, key, at, change)));
        before.forEach((key, changes) -> changes.forEach((at, change) -> add(difference, key, at, Measures.ZERO.minus(change))));
        difference.values().forEach(changes -> changes.values().removeIf(Measures::isZero));
        difference.values().removeIf(Map::isEmpty);
        return difference;
    }

    /** Adds one change to a collection of changes. */
    public static void add(Map<FigureKey, TreeMap<Instant, Measures>> changes, FigureKey key, Instant at, Measures change) {
        changes.computeIfAbsent(key, k -> new TreeMap<>()).merge(at, change, Measures::plus);
    }
}
