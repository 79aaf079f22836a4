package fr.alize.platform.events;

/** Metadata keys saying who caused a command and therefore its events (role and pseudonymous id). */
public final class Actors {
    public static final String ROLE = "actorRole";
    public static final String ID = "actorId";

    private Actors() {
    }
}
