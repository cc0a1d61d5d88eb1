package io.filestore.sample;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers against the sample app while a test stops it under them (kill -9, SIGTERM). */
final class Bursts {

    private Bursts() {
    }

    /** What stops the app. */
    @FunctionalInterface
    interface Stop {
        void run() throws Exception;
    }

    /**
     * Runs {@code write} in a loop on each of {@code writers} threads until {@code stop} has run (it stops
     * the app, so writes start failing), then waits for the writers to finish.
     */
    static void burst(int writers, IntConsumer write, Stop stop) throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int i = 0; i < writers; i++) {
                int writer = i;
                pool.execute(() -> {
                    try {
                        while (!stopped.get()) {
                            try {
                                write.accept(writer);
                            } catch (UncheckedIOException connectionLost) {
                                // a write in flight when the app went away: never acknowledged, so not counted
                                if (stopped.get()) {
                                    return;
                                }
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            stop.run();
            stopped.set(true);
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    static void awaitAtLeast(Set<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
