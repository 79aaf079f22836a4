package fr.alize.local;

/**
 * SIGINT and SIGTERM stop the suite and end the launcher with exit code 0 (the JVM's default would be
 * 130/143). Without sun.misc.Signal the shutdown hook still stops everything, with those codes.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable stop) {
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stop.run();
                    System.exit(0);
                });
            }
        } catch (IllegalArgumentException | LinkageError e) {
            // signal not available here: the shutdown hook does the work
        }
    }
}
