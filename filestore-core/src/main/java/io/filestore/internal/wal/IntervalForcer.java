package io.filestore.internal.wal;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * With a positive fsync interval: a daemon thread that forces the log at least once per interval
 * while there is something unforced. {@link #close()} wakes it instead of interrupting it, because an
 * interrupt during {@code FileChannel.force} closes the channel.
 */
final class IntervalForcer implements AutoCloseable {

    private final long intervalMillis;
    private final BooleanSupplier running;
    private final Runnable forceIfNeeded;
    private final Object tick = new Object();
    private final Thread thread;
    private volatile boolean closed;

    IntervalForcer(long intervalNanos, BooleanSupplier running, Runnable forceIfNeeded) {
        this.intervalMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(intervalNanos));
        this.running = running;
        this.forceIfNeeded = forceIfNeeded;
        this.thread = new Thread(this::run, "filestore-wal-fsync");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (!closed && running.getAsBoolean()) {
            synchronized (tick) {
                try {
                    tick.wait(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!closed) {
                forceIfNeeded.run();
            }
        }
    }

    /** Stops the thread and waits for it (a force under way completes first). */
    @Override
    public void close() {
        closed = true;
        synchronized (tick) {
            tick.notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
