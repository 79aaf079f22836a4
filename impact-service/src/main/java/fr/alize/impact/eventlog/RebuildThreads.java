package fr.alize.impact.eventlog;

import fr.alize.impact.report.ImpactConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The rebuild's threads: the coordinator's, the copy streams and their writes, the index builds; stopped with the application. */
@ApplicationScoped
class RebuildThreads {

    @Inject
    ImpactConfig config;

    private final ExecutorService threads = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, "event-log-rebuild-" + created.incrementAndGet());
        }
    });

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }

    /** Work side by side (copy streams, index builds): as configured, else one per processor. */
    int streams() {
        return Math.max(1, config.rebuild().streams().orElse(Runtime.getRuntime().availableProcessors()));
    }

    CompletableFuture<Void> async(Runnable task) {
        return CompletableFuture.runAsync(task, threads);
    }

    /** Runs the work on every share of {@link #shares} at once, and waits; the first failure is thrown. */
    <T> void eachShare(Map<T, Long> weights, Consumer<List<T>> work) {
        sideBySide(shares(weights, streams()).stream().<Runnable>map(share -> () -> work.accept(share)).toList());
    }

    /** Runs these tasks at once, and waits; the first failure is thrown. */
    void sideBySide(List<Runnable> tasks) {
        allOf(tasks.stream().map(this::async).toList());
    }

    /**
     * Splits work (partitions by records left, index builds one each) into at most {@code streams} shares of about
     * the same weight, heaviest first.
     */
    static <T> List<List<T>> shares(Map<T, Long> weights, int streams) {
        List<List<T>> shares = new ArrayList<>();
        long[] load = new long[Math.min(streams, weights.size())];
        for (int i = 0; i < load.length; i++) {
            shares.add(new ArrayList<>());
        }
        weights.entrySet().stream().sorted(Map.Entry.<T, Long>comparingByValue().reversed()).forEach(p -> {
            int lightest = 0;
            for (int i = 1; i < load.length; i++) {
                lightest = load[i] < load[lightest] ? i : lightest;
            }
            shares.get(lightest).add(p.getKey());
            load[lightest] += p.getValue();
        });
        return shares;
    }

    /** Waits for every task; the first failure is thrown as it was raised. */
    static void allOf(List<CompletableFuture<Void>> tasks) {
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
