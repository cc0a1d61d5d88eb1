package io.filestore.internal.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes TTL records when their deadline passes, on its own thread so a long flush never delays it.
 * Each tick (a tenth of the shortest TTL, between 10 ms and 1 s) takes only the deadlines that are due
 * and deletes those records in one transaction, so indexes follow and listeners hear DELETED changes.
 */
final class Expirer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Expirer.class);

    private final ExpiryQueue expiry;
    private final BooleanSupplier writable;
    private final Consumer<List<ExpiryQueue.Deadline>> deleteInOneTransaction;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("filestore-expiry"));

    Expirer(ExpiryQueue expiry, BooleanSupplier writable, Consumer<List<ExpiryQueue.Deadline>> deleteInOneTransaction) {
        this.expiry = expiry;
        this.writable = writable;
        this.deleteInOneTransaction = deleteInOneTransaction;
    }

    /** Starts ticking for the shortest TTL of the store's collections. */
    void start(Duration shortestTtl) {
        long tick = Math.max(10, Math.min(1000, shortestTtl.toMillis() / 10));
        ticker.scheduleWithFixedDelay(this::expireDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void expireDue() {
        List<ExpiryQueue.Deadline> due = expiry.takeDue(System.nanoTime());
        if (due.isEmpty() || !writable.getAsBoolean()) {
            return;
        }
        try {
            deleteInOneTransaction.accept(due);
        } catch (RuntimeException e) {
            log.warn("Expiring {} record(s) failed; they are retried at the next tick", due.size(), e);
            due.forEach(expiry::add);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
