package fr.alize.platform.startup;

/**
 * A part of a service that can start only once its database is reached and migrated (Axon, in the services that
 * keep aggregates). {@link ServiceStart} calls {@link #start()} after the migrations, and again after a failure until
 * it returns, so it must be safe to call again when it threw.
 */
public interface StartStep {

    void start();
}
