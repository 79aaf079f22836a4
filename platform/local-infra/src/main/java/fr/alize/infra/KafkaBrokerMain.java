package fr.alize.infra;

/**
 * Entry point of the broker's child JVM: watches the JVM that started it, then runs {@code kafka.Kafka}.
 *
 * <p>When that owner disappears without stopping the broker (killed, crashed), this exits, which runs
 * Kafka's own shutdown hook: no broker outlives its test run or launcher. This class is copied as a
 * single class file into the broker's directory, so it must stay self-contained (no nested classes,
 * no dependency outside the JDK).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    /** Arguments: the owner's pid (0: no watch) and the path of server.properties. */
    public static void main(String[] args) throws Throwable {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <owner-pid> <server.properties>");
            System.exit(2);
        }
        long owner = Long.parseLong(args[0]);
        if (owner > 0) {
            ProcessHandle ownerHandle = ProcessHandle.of(owner).orElse(null);
            if (ownerHandle == null) {
                System.err.println("owner process " + owner + " is gone, not starting");
                System.exit(0);
            }
            Thread watch = new Thread(() -> {
                ownerHandle.onExit().join();
                System.err.println("owner process " + owner + " exited, stopping the broker");
                System.exit(0);
            }, "owner-watch");
            watch.setDaemon(true);
            watch.start();
        }
        try {
            Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] {args[1]});
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
