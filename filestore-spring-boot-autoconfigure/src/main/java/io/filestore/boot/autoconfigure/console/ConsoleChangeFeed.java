package io.filestore.boot.autoconfigure.console;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.filestore.ChangeSet;
import io.filestore.FileStore;
import io.filestore.Subscription;

/**
 * The console's live view of committed changes, as server-sent events: one store listener feeds every
 * open page. The listener runs on the committing thread, so it only queues the change (a full queue drops
 * it and the next event says how many were missed); the feed's own thread, {@code filestore-console-feed},
 * sends the events, so a slow or vanished browser never holds a writer. While nothing changes it sends a
 * comment every {@link #HEARTBEAT_SECONDS} seconds, which also finds pages that went away.
 *
 * <p>A lifecycle bean in the default phase, so it stops first on shutdown: it ends the open streams before
 * the web server's graceful shutdown starts waiting for requests to finish, which a stream never would.
 * Thread-safe.
 */
final class ConsoleChangeFeed implements SmartLifecycle {

    static final int QUEUE_CAPACITY = 1024;
    static final int HEARTBEAT_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(ConsoleChangeFeed.class);

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<ChangeSet> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong missed = new AtomicLong();
    private final FileStore store;
    private @Nullable Subscription subscription; // guarded by this
    private @Nullable Thread sender; // guarded by this

    ConsoleChangeFeed(FileStore store) {
        this.store = store;
    }

    /** A new page's stream: it first gets a {@code hello} event with the store's last sequence. */
    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the page stays open as long as the operator wants
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        emitters.add(emitter);
        send(emitter, () -> SseEmitter.event().name("hello").data(new Hello(store.status().lastSequence())));
        return emitter;
    }

    @Override
    public synchronized void start() {
        if (sender == null) {
            subscription = store.onTransaction(this::enqueue);
            Thread thread = new Thread(this::sendLoop, "filestore-console-feed");
            thread.setDaemon(true);
            thread.start();
            sender = thread;
        }
    }

    @Override
    public synchronized void stop() {
        if (sender == null) {
            return;
        }
        subscription.close();
        sender.interrupt();
        try {
            sender.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender = null;
        subscription = null;
        queue.clear();
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return sender != null;
    }

    private void enqueue(ChangeSet changes) {
        if (!changes.records().isEmpty() && !queue.offer(changes)) {
            missed.incrementAndGet();
        }
    }

    private void sendLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                ChangeSet changes = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                Supplier<SseEmitter.SseEventBuilder> event = changes == null
                        ? () -> SseEmitter.event().comment("heartbeat")
                        : changeEvent(Change.of(changes, missed.getAndSet(0)));
                emitters.forEach(emitter -> send(emitter, event));
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static Supplier<SseEmitter.SseEventBuilder> changeEvent(Change change) {
        return () -> SseEmitter.event().name("change").id(Long.toString(change.sequence())).data(change);
    }

    private void send(SseEmitter emitter, Supplier<SseEmitter.SseEventBuilder> event) {
        try {
            emitter.send(event.get());
        } catch (IOException | IllegalStateException gone) {
            emitters.remove(emitter);
            log.debug("A console page went away: {}", gone.toString());
        }
    }

    /** The first event of a stream. */
    record Hello(long sequence) {
    }

    /**
     * One committed transaction's record changes.
     *
     * @param sequence its commit sequence
     * @param records  what changed, in write order
     * @param missed   transactions dropped before this one because the pages could not keep up
     */
    record Change(long sequence, List<Record> records, long missed) {

        static Change of(ChangeSet changes, long missed) {
            return new Change(changes.sequence(), changes.records().stream()
                    .map(change -> new Record(change.collection(), change.id(), change.type().name())).toList(), missed);
        }

        /** One record's change: CREATED, UPDATED or DELETED. */
        record Record(String collection, String id, String type) {
        }
    }
}
