package io.filestore.metric;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

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
 * Named live aggregates over collections (TinyBase's Metrics): count, sum, average, min, max, or an
 * {@link Aggregate} of your own, kept up to date from each committed change's before and after images.
 * Defining a metric reads its collection once; after that a write costs O(1) (O(log n) for min and max)
 * per metric on its collection, never a scan. Listeners hear a metric's new value when a commit changed it.
 *
 * <p>Thread-safe. Close it to stop following the store.
 */
public final class Metrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    /** Hears a metric's value change. */
    @FunctionalInterface
    public interface MetricListener {
        void onChange(String metric, OptionalDouble before, OptionalDouble after);
    }

    private static final class Metric {
        final String collection;
        final FieldPath field;
        final Aggregate aggregate;
        final long coveredSequence;
        final List<MetricListener> listeners = new CopyOnWriteArrayList<>();

        Metric(String collection, FieldPath field, Aggregate aggregate, long coveredSequence) {
            this.collection = collection;
            this.field = field;
            this.aggregate = aggregate;
            this.coveredSequence = coveredSequence;
        }
    }

    private final FileStore store;
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Subscription subscription;

    private Metrics(FileStore store) {
        this.store = store;
        this.subscription = store.onTransaction(this::apply);
    }

    /** Starts following the store. */
    public static Metrics attach(FileStore store) {
        return new Metrics(store);
    }

    /**
     * Defines (or redefines) a metric over a collection.
     *
     * @param field     a field path whose numbers the aggregate takes; {@code null} for {@link Aggregate#count()}
     * @param aggregate a fresh aggregate, such as {@code Aggregate.sum()}
     */
    public void define(String name, String collection, String field, Supplier<Aggregate> aggregate) {
        FieldPath path = field == null ? null : FieldPath.parse(field);
        if (field != null && path == null) {
            throw new IllegalArgumentException("Not a field path: " + field);
        }
        // one consistent read under the writer mutex; later change sets up to its sequence are already in it
        store.runInTransaction(tx -> {
            Aggregate fresh = aggregate.get();
            store.collection(collection).forEach((id, record) -> fresh.add(number(record, path)));
            metrics.put(name, new Metric(collection, path, fresh, store.status().lastSequence()));
        });
    }

    /** The metric's current value; empty when it has none (or is not defined). */
    public OptionalDouble value(String name) {
        Metric metric = metrics.get(name);
        if (metric == null) {
            return OptionalDouble.empty();
        }
        synchronized (metric) {
            return metric.aggregate.result();
        }
    }

    /** Listens to a metric's changes. */
    public Subscription onChange(String name, MetricListener listener) {
        Metric metric = metrics.get(name);
        if (metric == null) {
            throw new IllegalArgumentException("No metric named '" + name + "'");
        }
        metric.listeners.add(listener);
        return () -> metric.listeners.remove(listener);
    }

    /** Stops following the store. */
    @Override
    public void close() {
        subscription.close();
    }

    private void apply(ChangeSet changes) {
        for (Map.Entry<String, Metric> entry : metrics.entrySet()) {
            Metric metric = entry.getValue();
            if (changes.sequence() <= metric.coveredSequence) {
                continue;
            }
            List<RecordChange> relevant = changes.records(metric.collection);
            if (relevant.isEmpty()) {
                continue;
            }
            OptionalDouble before;
            OptionalDouble after;
            synchronized (metric) {
                before = metric.aggregate.result();
                for (RecordChange change : relevant) {
                    change.before().ifPresent(record -> metric.aggregate.remove(number(record, metric.field)));
                    change.after().ifPresent(record -> metric.aggregate.add(number(record, metric.field)));
                }
                after = metric.aggregate.result();
            }
            if (!before.equals(after)) {
                for (MetricListener listener : metric.listeners) {
                    try {
                        listener.onChange(entry.getKey(), before, after);
                    } catch (RuntimeException e) {
                        log.warn("Metric listener {} failed", listener, e);
                    }
                }
            }
        }
    }

    private static Double number(ObjectNode record, FieldPath field) {
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
