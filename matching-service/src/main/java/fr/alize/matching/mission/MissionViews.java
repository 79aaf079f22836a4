package fr.alize.matching.mission;

import fr.alize.platform.axon.AxonRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Reads a mission from its events in the event store (the store is the mission's one source of truth). */
@ApplicationScoped
public class MissionViews {

    @Inject
    AxonRuntime axon;

    public Optional<MissionView> find(String missionId) {
        MissionView view = new MissionView();
        axon.eventStore().readEvents(missionId).asStream().forEach(message -> view.apply(message.getPayload()));
        return view.missionId == null ? Optional.empty() : Optional.of(view);
    }
}
