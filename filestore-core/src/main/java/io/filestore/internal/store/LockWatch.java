package io.filestore.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.spi.FolderLock;

/**
 * Fences the store once its folder lock no longer guards the folder. A lock file deleted or replaced
 * under a running store lets another process lock a new file at that path and open the folder, and
 * two writers then lose each other's acknowledged writes; this store must stop writing before the
 * other starts. Checks on its own daemon thread every {@link #PERIOD}, so that a long flush never
 * delays it, and whenever the flusher is about to write ({@link #check()}). A check is one
 * {@code stat} of the lock file; commits never wait for it. Thread-safe.
 */
final class LockWatch implements AutoCloseable {

    /** How often the lock file is checked: well under the time another JVM takes to open the folder. */
    static final Duration PERIOD = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(LockWatch.class);

    private final FolderLock lock;
    private final Path lockFile;
    private final Consumer<String> fence;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("filestore-lock-watch"));
    private volatile boolean lost;
    private volatile boolean lastCheckFailed;

    /** {@code fence} turns the store read-only with the reason it is given; it is called at most once. */
    LockWatch(FolderLock lock, Path lockFile, Consumer<String> fence) {
        this.lock = lock;
        this.lockFile = lockFile;
        this.fence = fence;
    }

    /** Starts the periodic check. */
    void start() {
        long period = PERIOD.toMillis();
        ticker.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Checks the lock file now, fencing the store when it was deleted or replaced.
     *
     * @return whether the lock still guards the folder; {@code true} when the file could not be
     *         examined (logged, and checked again at the next period)
     */
    boolean check() {
        if (lost) {
            return false;
        }
        FolderLock.FileState state;
        try {
            state = lock.fileState();
        } catch (IOException e) {
            if (!lastCheckFailed) {
                log.warn("Cannot check the lock file {}; checking again every {} ms", lockFile, PERIOD.toMillis(), e);
            }
            lastCheckFailed = true;
            return true;
        }
        lastCheckFailed = false;
        if (state == FolderLock.FileState.IN_PLACE) {
            return true;
        }
        synchronized (this) {
            if (!lost) {
                lost = true;
                String reason = "the lock file " + lockFile + " was deleted or replaced while the store held it ("
                        + (state == FolderLock.FileState.DELETED ? "no file is there now" : "another file is there now")
                        + "); another process may have opened the folder";
                fence.accept(reason);
                log.error("FileStore is now read-only: {}. Close it, and let one process at a time use the folder.", reason);
            }
        }
        return false;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
