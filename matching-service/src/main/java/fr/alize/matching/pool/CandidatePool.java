package fr.alize.matching.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The candidate pool as ranking sees it: an in-memory {@link CandidateIndex} loaded from the pool tables (at start
 * by {@link PoolChanges}, or on first use if that has not happened yet), then kept up to date row by row: at once
 * after each event this instance's consumers commit, and for every instance when {@link PoolChanges} is told of a
 * row changed by any of them. Loading and refreshing share one lock, so a row committed while the index loads is
 * never lost.
 */
@ApplicationScoped
public class CandidatePool {

    private static final Logger LOG = Logger.getLogger(CandidatePool.class);

    @Inject
    PoolReader reader;

    private volatile CandidateIndex index;

    public CandidateIndex index() {
        CandidateIndex current = index;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (index == null) {
                long started = System.nanoTime();
                index = reader.loadAll();
                LOG.infof("candidate pool loaded: %d volunteers, %d needs in %d ms", index.size(), index.needs().size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return index;
        }
    }

    /** Loads the whole index again from the tables (at start, after the listening connection was lost, after a rebuild). */
    public synchronized void reload() {
        index = null;
        index();
    }

    /** Refreshes one row named by a {@code pool_changed} notification ({@link PoolProjection#changed}). */
    public void refresh(String kind, String id) {
        switch (kind) {
            case PoolProjection.NEED -> refreshNeed(id);
            case PoolProjection.VOLUNTEER -> refreshVolunteerOrPartner(id);
            case PoolProjection.MISSION -> refreshMission(id);
            default -> LOG.warnf("candidate pool: unknown change %s:%s ignored", kind, id);
        }
    }

    public synchronized void refreshNeed(String needId) {
        if (index != null) {
            PoolNeed need = reader.need(needId);
            if (need != null) {
                index.putNeed(need);
            }
        }
    }

    /** A volunteers-topic event names a volunteer or (for pledges) a partner company. */
    public synchronized void refreshVolunteerOrPartner(String id) {
        if (index != null) {
            PoolVolunteer volunteer = reader.volunteer(id);
            if (volunteer != null) {
                index.putVolunteer(volunteer);
            } else {
                index.putPartner(reader.partner(id));
            }
        }
    }

    /**
     * Records a proposal made here at once, without waiting for its event to come back through the missions topic,
     * so that the same volunteer is not proposed twice for a need in the meantime.
     */
    public synchronized void proposed(PoolMission mission) {
        CandidateIndex current = index();
        if (current.missionsForNeed(mission.needId()).stream().noneMatch(m -> m.missionId().equals(mission.missionId()))) {
            current.putMission(mission);
        }
    }

    public synchronized void refreshMission(String missionId) {
        if (index != null) {
            PoolMission mission = reader.mission(missionId);
            if (mission != null) {
                index.putMission(mission);
                if (mission.partnerId() != null) {
                    index.putPartner(reader.partner(mission.partnerId()));
                }
            }
        }
    }
}
