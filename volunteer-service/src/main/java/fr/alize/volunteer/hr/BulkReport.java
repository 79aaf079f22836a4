package fr.alize.volunteer.hr;

import fr.alize.volunteer.volunteer.RowResult;
import fr.alize.volunteer.volunteer.RowResult.Outcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The answer to a bulk request: how many rows ended how, and each row's result in request order. */
public record BulkReport(int total, Map<Outcome, Integer> outcomes, List<RowResult> results) {

    static BulkReport of(List<RowResult> results) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        results.forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        return new BulkReport(results.size(), outcomes, results);
    }
}
