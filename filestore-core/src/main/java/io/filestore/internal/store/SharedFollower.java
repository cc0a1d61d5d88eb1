package io.filestore.internal.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.spi.SharedStorage;

/**
 * The {@code filestore-shared-follow} thread of a shared store: waits for another instance's commit
 * notification (or the poll interval, which catches a missed one or a dropped connection), then,
 * holding the writer mutex, applies every change after the last applied sequence, in order; listeners
 * run after the mutex is released. Every few seconds it heartbeats, which also trims the change table.
 * When the database is unreachable it notes why (the store's status) and tries again each interval.
 */
final class SharedFollower {

    static final Logger LOG = LoggerFactory.getLogger(SharedFollower.class);
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SharedStorage storage;
    private final SharedSync sync;
    private final Committer committer;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean woken;

    SharedFollower(SharedStorage storage, SharedSync sync, Committer committer) {
        this.storage = storage;
        this.sync = sync;
        this.committer = committer;
        this.thread = new Thread(this::run, "filestore-shared-follow");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks for a catch-up without waiting for a notification (an unknown commit outcome to resolve). */
    void wake() {
        woken = true;
    }

    /** Stops the thread and waits for it to leave (at most a couple of poll intervals). */
    void stop() {
        stopped = true;
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(POLL_INTERVAL.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long lastBeat = System.nanoTime() - HEARTBEAT_NANOS;
        boolean failing = false;
        while (!stopped) {
            try {
                if (!woken) {
                    storage.awaitChange(POLL_INTERVAL);
                }
                woken = false;
                if (stopped) {
                    return;
                }
                committer.exclusively(sync::catchUpNow);
                sync.dispatchCaughtUp();
                if (System.nanoTime() - lastBeat >= HEARTBEAT_NANOS) {
                    storage.heartbeat(committer.lastSequence());
                    lastBeat = System.nanoTime();
                }
                sync.reached();
                if (failing) {
                    LOG.info("FileStore reached its shared store again and caught up to sequence {}", committer.lastSequence());
                    failing = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                sync.dispatchCaughtUp();
                sync.unreachable(e);
                if (!failing) {
                    LOG.warn("FileStore cannot follow its shared store; reads are served from memory and writes fail"
                            + " until it is back", e);
                    failing = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            stopped = true;
        }
    }
}
