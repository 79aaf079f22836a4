package fr.alize.matching.mission;

import jakarta.enterprise.context.ApplicationScoped;

/** The tests' switch for automatic proposals (replaces production's {@link AutoProposals.Configured}): off unless a test turns it on. */
@ApplicationScoped
public class TestAutoProposals implements AutoProposals {

    private volatile boolean on;

    @Override
    public boolean on() {
        return on;
    }

    void turn(boolean on) {
        this.on = on;
    }
}
