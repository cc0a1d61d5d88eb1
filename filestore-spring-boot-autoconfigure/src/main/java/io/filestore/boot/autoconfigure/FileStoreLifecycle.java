package io.filestore.boot.autoconfigure;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.filestore.FileStore;
import io.filestore.FileStoreException;

/**
 * Flushes and closes the store when the application context stops, after everything that might still
 * write to it, and opens it again when a paused context restarts.
 *
 * <p>The store itself is opened by its bean factory method, so it is ready before any bean that
 * injects it, and long before web traffic. On shutdown (SIGTERM, {@code context.close()}) Spring stops
 * lifecycle beans from the highest phase to the lowest: the web server's graceful shutdown
 * ({@code DEFAULT_PHASE - 1024}) lets in-flight requests finish, the web server stops
 * ({@code DEFAULT_PHASE - 2048}), then message listeners, schedulers and plain {@code Lifecycle} beans
 * (phase 0) stop; this bean, in phase {@link #PHASE}, comes after them and flushes and closes the
 * store, which releases the data folder. The bean's destroy method closes it as well, for a context that
 * fails before its lifecycle started.
 *
 * <p>A pause (the test context cache pauses the contexts it is not using) stops this bean too, so
 * another context can open the same folder; the restart reopens the store. For a {@code FileStore}
 * bean of your own, which cannot be reopened, stopping only flushes it and closing stays with your bean.
 *
 * <p>A failure to flush or close is logged, not thrown, so that the rest of the shutdown goes on:
 * what the write-ahead log acknowledged is recovered at the next open either way.
 */
public final class FileStoreLifecycle implements SmartLifecycle {

    /** The phase: far below the phases Spring, Boot and their integrations use, so the store stops last and starts first. */
    public static final int PHASE = Integer.MIN_VALUE + 1000;

    private static final Logger log = LoggerFactory.getLogger(FileStoreLifecycle.class);

    private final FileStore store;
    private final Optional<ReopenableFileStore> reopenable;
    private volatile boolean running;

    /** Manages the given store; the auto-configured one is closed on stop and reopened on start. */
    public FileStoreLifecycle(FileStore store) {
        this.store = store;
        this.reopenable = ReopenableFileStore.of(store);
    }

    @Override
    public void start() {
        reopenable.ifPresent(ReopenableFileStore::reopen);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (reopenable.isPresent()) {
                reopenable.get().release();
            } else {
                store.flush();
            }
        } catch (FileStoreException e) {
            log.error("FileStore on {} did not flush cleanly on stop; changes the write-ahead log acknowledged "
                    + "are recovered at the next open", store.dataDir(), e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
