package io.filestore.internal.io;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which files of some folders were created, changed or deleted by anyone, through the OS's
 * {@link WatchService} where it works, and by listing the folders once per poll interval where it
 * does not (or when asked to). It reports paths only: what changed, and whether it matters, is the
 * caller's business. One daemon thread; {@link #close()} stops it.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private record Stamp(long size, long modified) {
    }

    private final List<Path> folders;
    private final Consumer<Path> onChange;
    private final long pollMillis;
    private final Thread thread;
    private final @Nullable WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private volatile boolean running = true;
    /** Released by {@link #close()}: wakes a poll loop from its sleep without interrupting the thread. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Starts watching.
     *
     * @param forcePolling use the polling fallback even where the OS can watch
     */
    public FolderWatcher(List<Path> folders, Consumer<Path> onChange, long pollMillis, boolean forcePolling) {
        this.folders = List.copyOf(folders);
        this.onChange = onChange;
        this.pollMillis = pollMillis;
        this.service = forcePolling ? null : register();
        // the baseline is taken before returning, so any change after the store opened is reported
        Map<Path, Stamp> baseline = service == null ? scan() : Map.of();
        this.thread = new Thread(service != null ? this::watchLoop : () -> pollLoop(baseline), "filestore-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private @Nullable WatchService register() {
        try {
            WatchService watchService = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                keys.put(folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), folder);
            }
            return watchService;
        } catch (IOException | UnsupportedOperationException e) {
            log.info("Watching {} by polling every {} ms: the file system cannot be watched ({})", folders, pollMillis, e.toString());
            return null;
        }
    }

    private void watchLoop() {
        while (running) {
            WatchKey key;
            try {
                key = service.poll(pollMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (key == null) {
                continue;
            }
            Path folder = keys.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    rescanAll(folder); // events were lost: report every file so the caller can compare
                } else if (folder != null) {
                    report(folder.resolve((Path) event.context()));
                }
            }
            key.reset();
        }
    }

    private void pollLoop(Map<Path, Stamp> baseline) {
        Map<Path, Stamp> seen = new HashMap<>(baseline);
        while (running) {
            try {
                if (stopped.await(pollMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            Map<Path, Stamp> now = scan();
            now.forEach((file, stamp) -> {
                if (!stamp.equals(seen.get(file))) {
                    report(file);
                }
            });
            seen.keySet().stream().filter(file -> !now.containsKey(file)).forEach(this::report);
            seen.clear();
            seen.putAll(now);
        }
    }

    private Map<Path, Stamp> scan() {
        Map<Path, Stamp> stamps = new HashMap<>();
        for (Path folder : folders) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                        if (attributes.isRegularFile()) {
                            stamps.put(entry, new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
                        }
                    } catch (IOException vanished) {
                        // deleted between listing and reading: the next scan reports it
                    }
                }
            } catch (IOException e) {
                log.warn("Cannot list watched folder {}", folder, e);
            }
        }
        return stamps;
    }

    private void rescanAll(@Nullable Path folder) {
        scan().keySet().stream().filter(file -> folder == null || file.getParent().equals(folder)).forEach(this::report);
    }

    private void report(Path file) {
        try {
            onChange.accept(file);
        } catch (RuntimeException e) {
            log.warn("Handling a change of {} failed", file, e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            log.debug("Closing the watch service", e);
        }
        // no interrupt: the thread may be committing an outside edit, and an interrupt during the
        // write-ahead log's fsync closes the log's channel (ClosedByInterruptException), which fences
        // the store; closing the watch service or releasing the latch ends its wait instead
        stopped.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
