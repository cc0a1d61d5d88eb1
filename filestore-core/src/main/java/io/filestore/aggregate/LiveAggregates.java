package io.filestore.aggregate;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.ChangeSet;
import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.Subscription;
import io.filestore.internal.index.FieldPath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Named live aggregates over collections (TinyBase's Metrics; in FileStore, metrics are the Spring Boot
 * module's Micrometer meters): count, sum, average, min, max, or an {@link Aggregate} of your own, kept
 * up to date from each committed change's before and after images. Defining an aggregate reads its
 * collection once; after that a write costs O(1) (O(log n) for min and max) per aggregate on its
 * collection, never a scan. Listeners hear an aggregate's new value when a commit changed it.
 *
 * <p>Thread-safe. Close it to stop following the store.
 */
public final class LiveAggregates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveAggregates.class);

    /** Hears an aggregate's value change. */
    @FunctionalInterface
    public interface AggregateListener {
        void onChange(String aggregate, OptionalDouble before, OptionalDouble after);
    }

    private static final class LiveAggregate {
        final String collection;
        final FieldPath field;
        final Aggregate aggregate;
        final long coveredSequence;
        final List<AggregateListener> listeners = new CopyOnWriteArrayList<>();

        LiveAggregate(String collection, FieldPath field, Aggregate aggregate, long coveredSequence) {
            this.collection = collection;
            this.field = field;
            this.aggregate = aggregate;
            this.coveredSequence = coveredSequence;
        }
    }

    private final FileStore store;
    private final Map<String, LiveAggregate> aggregates = new ConcurrentHashMap<>();
    private final Subscription subscription;

    private LiveAggregates(FileStore store) {
        this.store = store;
        this.subscription = store.onTransaction(this::apply);
    }

    /** Starts following the store. */
    public static LiveAggregates attach(FileStore store) {
        return new LiveAggregates(store);
    }

    /**
     * Defines (or redefines) an aggregate over a collection.
     *
     * @param field     a field path whose numbers the aggregate takes; {@code null} for {@link Aggregate#count()}
     * @param aggregate a fresh aggregate, such as {@code Aggregate.sum()}
     */
    public void define(String name, String collection, @Nullable String field, Supplier<Aggregate> aggregate) {
        FieldPath path = field == null ? null : FieldPath.parse(field);
        if (field != null && path == null) {
            throw new IllegalArgumentException("Not a field path: " + field);
        }
        // one consistent read under the writer mutex; later change sets up to its sequence are already in it
        store.runInTransaction(tx -> {
            Aggregate fresh = aggregate.get();
            store.collection(collection).forEach((id, record) -> fresh.add(number(record, path)));
            aggregates.put(name, new LiveAggregate(collection, path, fresh, store.status().lastSequence()));
        });
    }

    /** The aggregate's current value; empty when it has none (or is not defined). */
    public OptionalDouble value(String name) {
        LiveAggregate live = aggregates.get(name);
        if (live == null) {
            return OptionalDouble.empty();
        }
        synchronized (live) {
            return live.aggregate.result();
        }
    }

    /** Listens to an aggregate's changes. */
    public Subscription onChange(String name, AggregateListener listener) {
        LiveAggregate live = aggregates.get(name);
        if (live == null) {
            throw new IllegalArgumentException("No aggregate named '" + name + "'");
        }
        live.listeners.add(listener);
        return () -> live.listeners.remove(listener);
    }

    /** Stops following the store. */
    @Override
    public void close() {
        subscription.close();
    }

    private void apply(ChangeSet changes) {
        for (Map.Entry<String, LiveAggregate> entry : aggregates.entrySet()) {
            LiveAggregate live = entry.getValue();
            if (changes.sequence() <= live.coveredSequence) {
                continue;
            }
            List<RecordChange> relevant = changes.records(live.collection);
            if (relevant.isEmpty()) {
                continue;
            }
            OptionalDouble before;
            OptionalDouble after;
            synchronized (live) {
                before = live.aggregate.result();
                for (RecordChange change : relevant) {
                    change.before().ifPresent(record -> live.aggregate.remove(number(record, live.field)));
                    change.after().ifPresent(record -> live.aggregate.add(number(record, live.field)));
                }
                after = live.aggregate.result();
            }
            if (!before.equals(after)) {
                for (AggregateListener listener : live.listeners) {
                    try {
                        listener.onChange(entry.getKey(), before, after);
                    } catch (RuntimeException e) {
                        log.warn("LiveAggregate listener {} failed", listener, e);
                    }
                }
            }
        }
    }

    private static @Nullable Double number(ObjectNode record, @Nullable FieldPath field) {
        if (field == null) {
            return null;
        }
        JsonNode node = record;
        for (String segment : field.path().split("\\.")) {
            node = node == null ? null : node.get(segment);
        }
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }
}
