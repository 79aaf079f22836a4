package fr.alize.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Runs one kind of command for a while, in a closed loop (as fast as answered) or paced at a rate. */
final class Phase {

    /** One command by client {@code client}, its {@code n}-th; true for a 2xx. */
    @FunctionalInterface
    interface Command {
        boolean run(int client, int n) throws Exception;
    }

    /** What a phase gives: the latencies and the instants (System.nanoTime) of the 2xx answers. */
    record Result(Sample sample, long[] answeredAt) {
    }

    private Phase() {
    }

    /** {@code clients} threads, each sending its next command when the last is answered, for {@code seconds}. */
    static Result closedLoop(int clients, double seconds, Command command) {
        return run(clients, seconds, 0, command);
    }

    /** Commands started at {@code perSecond} in all, by up to {@code clients} threads, for {@code seconds}. */
    static Result paced(int clients, double perSecond, double seconds, Command command) {
        return run(clients, seconds, perSecond, command);
    }

    private static Result run(int clients, double seconds, double perSecond, Command command) {
        ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (true) {
                    if (perSecond > 0) {
                        long due = start + (long) (started.getAndIncrement() * 1e9 / perSecond);
                        if (due > end) {
                            return;
                        }
                        LockSupport.parkNanos(due - System.nanoTime()); // pacing, not waiting for a result
                    } else if (System.nanoTime() > end) {
                        return;
                    }
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                        ok = command.run(client, n++);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long done = System.nanoTime();
                    if (ok) {
                        answers.add(new long[]{done - t, done});
                    } else if (errors.incrementAndGet() <= 3) {
                        System.err.println("[alize-load] an error answer (see the service logs)");
                    }
                }
            }, "load-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] latencies = answers.stream().mapToLong(a -> a[0]).toArray();
        long[] answeredAt = answers.stream().mapToLong(a -> a[1]).sorted().toArray();
        return new Result(Sample.of(latencies, errors.get(), elapsed), answeredAt);
    }
}
