package io.filestore.boot.autoconfigure.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.filestore.ChangeSet;
import io.filestore.ChangeType;
import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of a {@link FileStore}, read from {@link FileStore#status()} when a registry
 * asks:
 * <ul>
 * <li>{@code filestore.records{collection}}: records in the collection;</li>
 * <li>{@code filestore.writes{collection}}, {@code filestore.deletes{collection}}: records created or
 * updated, and deleted, by committed transactions since the meters were bound;</li>
 * <li>{@code filestore.pending.writes{collection}}: records changed in memory and not yet flushed to
 * their files;</li>
 * <li>{@code filestore.flushes}, {@code filestore.flush.failures}: flushes that wrote something, and
 * flushes that failed, since the store opened;</li>
 * <li>{@code filestore.flush.duration}: how long the last flush took;</li>
 * <li>{@code filestore.wal.bytes}: the size of the write-ahead log's segment files;</li>
 * <li>{@code filestore.wal.fsync.latency} (a timer: count and total) and
 * {@code filestore.wal.fsync.latency.max}: the log's fsyncs since the store opened;</li>
 * <li>{@code filestore.wal.pending.writes}: appends waiting for the log writer;</li>
 * <li>{@code filestore.wal.unflushed.bytes}: the log above its checkpoint (bounded by
 * {@code filestore.wal.max-unflushed-size});</li>
 * <li>{@code filestore.write.stall} (a timer: count and total): writers that waited for the flusher
 * because the dirty records or the unflushed log reached their bound, and how long, since the store
 * opened;</li>
 * <li>{@code filestore.fenced}: 1 while the store is read-only after a log failure, else 0.</li>
 * </ul>
 * A collection gets its meters when the meters are bound or, for one used later, at its first write.
 * Writes and deletes are counted by a transaction listener registered at binding. Thread-safe.
 */
public class FileStoreMetrics implements MeterBinder {

    private static final String COLLECTION = "collection";

    private final FileStore store;

    /** Meters for the given store. */
    public FileStoreMetrics(FileStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindStoreMeters(registry);
        CollectionMeters collections = new CollectionMeters(registry);
        store.collectionNames().forEach(collections::bind);
        store.onTransaction(collections::count);
    }

    private void bindStoreMeters(MeterRegistry registry) {
        Gauge.builder("filestore.fenced", store, s -> s.status().fenced() ? 1 : 0)
                .description("1 while the store is read-only (fenced: a write-ahead log failure or a lost folder lock), else 0")
                .register(registry);
        FunctionCounter.builder("filestore.flushes", store, s -> s.status().flushCount())
                .description("Flushes that wrote changed records to their files")
                .register(registry);
        FunctionCounter.builder("filestore.flush.failures", store, s -> s.status().flushFailures())
                .description("Flushes that failed; their changes stay in memory and are retried")
                .register(registry);
        TimeGauge.builder("filestore.flush.duration", store, TimeUnit.NANOSECONDS,
                        s -> s.status().lastFlushDuration().toNanos())
                .description("How long the last flush took")
                .register(registry);
        Gauge.builder("filestore.wal.bytes", store, s -> s.status().wal().bytes())
                .description("Size of the write-ahead log's segment files")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        FunctionTimer.builder("filestore.wal.fsync.latency", store, s -> s.status().wal().fsyncCount(),
                        s -> s.status().wal().totalFsyncNanos(), TimeUnit.NANOSECONDS)
                .description("Fsyncs of the write-ahead log and their total duration")
                .register(registry);
        TimeGauge.builder("filestore.wal.fsync.latency.max", store, TimeUnit.NANOSECONDS,
                        s -> s.status().wal().maxFsyncNanos())
                .description("The slowest fsync of the write-ahead log since the store opened")
                .register(registry);
        Gauge.builder("filestore.wal.pending.writes", store, s -> s.status().wal().pendingWrites())
                .description("Appends waiting for the write-ahead log writer")
                .register(registry);
        Gauge.builder("filestore.wal.unflushed.bytes", store, s -> s.status().writeBacklog().unflushedLogBytes())
                .description("Bytes of the write-ahead log above its checkpoint, not yet in the record files")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        FunctionTimer.builder("filestore.write.stall", store, s -> s.status().writeBacklog().stalls(),
                        s -> s.status().writeBacklog().stallTime().toNanos(), TimeUnit.NANOSECONDS)
                .description("Writers that waited for the flusher to catch up (a write backlog bound was reached), and how long")
                .register(registry);
    }

    /** The per-collection meters of one registry, and the write and delete counts behind them. */
    private final class CollectionMeters {

        private final MeterRegistry registry;
        private final Map<String, Counts> counts = new ConcurrentHashMap<>();

        CollectionMeters(MeterRegistry registry) {
            this.registry = registry;
        }

        Counts bind(String collection) {
            return counts.computeIfAbsent(collection, name -> {
                Counts created = new Counts();
                Tags tags = Tags.of(COLLECTION, name);
                Gauge.builder("filestore.records", store, s -> s.collection(name).count())
                        .description("Records in the collection").tags(tags).register(registry);
                Gauge.builder("filestore.pending.writes", store,
                                s -> s.status().dirtyRecords().getOrDefault(name, 0))
                        .description("Records changed in memory and not yet flushed to their files")
                        .tags(tags).register(registry);
                FunctionCounter.builder("filestore.writes", created.writes, LongAdder::sum)
                        .description("Records created or updated by committed transactions")
                        .tags(tags).register(registry);
                FunctionCounter.builder("filestore.deletes", created.deletes, LongAdder::sum)
                        .description("Records deleted by committed transactions")
                        .tags(tags).register(registry);
                return created;
            });
        }

        void count(ChangeSet changes) {
            for (RecordChange change : changes.records()) {
                Counts collection = counts.get(change.collection());
                if (collection == null) {
                    collection = bind(change.collection());
                }
                (change.type() == ChangeType.DELETED ? collection.deletes : collection.writes).increment();
            }
        }
    }

    /** Held by the map above, so the weakly referenced counters stay reachable as long as the listener. */
    private static final class Counts {
        final LongAdder writes = new LongAdder();
        final LongAdder deletes = new LongAdder();
    }
}
