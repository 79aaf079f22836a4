package fr.alize.contracts;

import java.util.List;

import static fr.alize.contracts.EventType.v1;

/** What impact-service publishes on {@code alize.impact.yearly} (docs/asyncapi.yaml). */
public final class ImpactTopic {

    public static final String YEARLY_FIGURES = "YearlyFigures";

    public static final Topic TOPIC = new Topic("alize.impact.yearly", "impact-service", List.of(
            v1(YEARLY_FIGURES)));

    private ImpactTopic() {
    }
}
