package io.filestore.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.filestore.IndexEntry;
import io.filestore.internal.index.IndexFileFormat;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.persist.FlushJournal;
import io.filestore.internal.persist.IndexFiles;
import io.filestore.internal.persist.ValuesFile;
import io.filestore.internal.wal.ChangeEntry;
import io.filestore.internal.wal.WriteAheadLog;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;

/**
 * Writes what changed since the last flush, as one all-or-nothing batch:
 * <ol>
 *   <li><b>snapshot</b>: under the commit stamp's read lock (so between two commits), take the dirty
 *       records' current bytes, the changed indexes' entries and the values;</li>
 *   <li><b>journal</b>: write to the flush journal, durably, what the write-ahead log does not hold: the
 *       records of collections without the log, and the values (a transaction that touches a logged
 *       collection is logged whole, but one that touches only values or unlogged collections is not);</li>
 *   <li><b>materialize</b>: replace the record, index and values files ({@link AtomicFiles});</li>
 *   <li><b>checkpoint</b>: record in the write-ahead log that the files now cover the snapshot's
 *       sequence, and drop the log segments that hold nothing newer;</li>
 *   <li><b>retire</b>: delete the journal.</li>
 * </ol>
 * If any step fails, the snapshot's records are marked dirty again and the next flush retries them;
 * a crash at any step is repaired at open by replaying the journal and then the log above its
 * checkpoint, which still holds every logged record of the snapshot (the checkpoint moves only after
 * the files are written). Logged records are not journaled: writing them a third time (log, journal,
 * file) bought nothing. One flush runs at a time.
 */
final class Flusher {

    private final Supplier<List<CollectionState>> collections;
    private final ValueState values;
    private final Committer committer;
    private final FlushJournal journal;
    private final AtomicFiles files;
    private final ValuesFile valuesFile;
    private final IndexFileFormat indexFormat;
    private final Runnable checkWritable;
    private final WriteBacklog backlog;
    /** How many record files one atomic batch replaces at most; bounds the memory a flush needs. */
    private static final int FILES_PER_BATCH = 4096;

    private final FlushStatistics statistics = new FlushStatistics();
    private final long indexFilesIntervalNanos;
    private volatile WriteAheadLog wal;

    /**
     * {@code checkWritable} throws when the store must not write files any more (fenced, or its folder
     * lock lost to another process); it runs before a flush writes anything and again before its
     * checkpoint, which drops log segments. {@code backlog} hears what each flush takes, each batch of
     * files it writes, and its end, so that writers waiting for it look again. A background flush rewrites
     * a collection's changed index files only when it last did so {@code indexFilesInterval} ago or more.
     */
    Flusher(Supplier<List<CollectionState>> collections, ValueState values, Committer committer, FlushJournal journal,
            AtomicFiles files, ValuesFile valuesFile, IndexFileFormat indexFormat, Runnable checkWritable,
            WriteBacklog backlog, Duration indexFilesInterval) {
        this.collections = collections;
        this.values = values;
        this.committer = committer;
        this.journal = journal;
        this.files = files;
        this.valuesFile = valuesFile;
        this.indexFormat = indexFormat;
        this.checkWritable = checkWritable;
        this.backlog = backlog;
        this.indexFilesIntervalNanos = indexFilesInterval.toNanos();
    }

    /** Records a checkpoint in the log after each flush from now on. */
    void checkpointTo(WriteAheadLog wal) {
        this.wal = wal;
    }

    FlushStatistics statistics() {
        return statistics;
    }

    /** Flushes every change committed before the call; returns how many records it wrote or deleted. */
    synchronized int flush() {
        return flush(false, Set.of(), false);
    }

    /**
     * Runs the work while no flush runs, none starting until it returns (a backup's files do not change
     * under it). Writers go on; only those whose backlog fills up meanwhile wait for the next flush.
     */
    synchronized <T> T whileHeld(Supplier<T> work) {
        return work.get();
    }

    /**
     * A scheduled or early flush: as {@link #flush()}, except that a collection's changed index files are
     * rewritten only once per index-files interval (the flush interval). An index file is rewritten whole,
     * O(records), and is not needed for durability (the open rebuilds every index from the records and
     * rewrites a stale file), while the early flushes the write backlog asks for can come many times a
     * second: rewriting the index files on each made a sustained load's flushes O(records) each.
     */
    synchronized int flushInBackground() {
        return flush(false, Set.of(), true);
    }

    /**
     * The flush after recovery: as {@link #flush()}, and it retires the recovered journal even when it has
     * nothing to write. Its journal holds what the log does not: the records of collections without the
     * log, the values, and the records of {@code journaledCollections} (those the recovered journal held,
     * which the log may not, e.g. for a collection that was not logged when that journal was written).
     * The replayed logged records are not journaled again: the log keeps them until the checkpoint, so
     * recovery needs about the room of the files it writes, not a copy of the log besides.
     */
    synchronized int flushRecovered(Set<String> journaledCollections) {
        return flush(true, journaledCollections, false);
    }

    /**
     * The flush protocol of docs/reliability.md, one call per step: snapshot, journal, materialize,
     * checkpoint, retire. A failure marks the snapshot's records dirty again for the next flush.
     */
    private int flush(boolean recovering, Set<String> alsoJournaled, boolean background) {
        long started = System.nanoTime();
        Snapshot snapshot = committer.underReadLock(() -> takeSnapshot(background, started));
        WriteAheadLog log = wal;
        boolean checkpointDue = log != null && snapshot.sequence > log.checkpointSequence();
        if (snapshot.isEmpty() && !checkpointDue) {
            if (recovering) {
                checkWritable.run();
                journal.delete(); // a recovered journal with nothing left to write must not be replayed again
            }
            return 0;
        }
        try {
            checkWritable.run();
            boolean journaled = journal(snapshot, log, alsoJournaled);
            snapshot.materialize(coveringCheckpoint(snapshot, log));
            checkpoint(snapshot, log);
            if (journaled || recovering) {
                journal.delete(); // retire
            }
        } catch (RuntimeException | Error e) {
            snapshot.markDirtyAgain();
            statistics.failed(e);
            throw e;
        } finally {
            snapshot.doneFlushing();
            backlog.flushEnded();
        }
        statistics.succeeded(Instant.now(), Duration.ofNanos(System.nanoTime() - started));
        return snapshot.recordCount();
    }

    /** Journals what the log does not hold (all of it without a log); returns whether there was any. */
    private boolean journal(Snapshot snapshot, @Nullable WriteAheadLog log, Set<String> alsoJournaled) {
        List<ChangeEntry> entries = snapshot.journalEntries(log == null, alsoJournaled);
        if (!entries.isEmpty()) {
            journal.write(snapshot.sequence, entries);
        }
        return !entries.isEmpty();
    }

    /** Records in the log's checkpoint that the files now cover the snapshot, before the journal goes. */
    private void checkpoint(Snapshot snapshot, WriteAheadLog log) {
        if (log != null) {
            checkWritable.run(); // again: writing the files may have taken long, and the other process needs the log
            // before the journal goes: a crash in between replays the journal, which covers this sequence
            log.checkpoint(snapshot.sequence, snapshot.logMark);
        }
    }

    /**
     * The checkpoint that will cover this flush's files: its own sequence, unless the log's checkpoint is
     * there already (a flush that writes again what an earlier one covered, as after recovery); then the
     * next one, which only a later flush can write, after this one is done.
     */
    private static long coveringCheckpoint(Snapshot snapshot, WriteAheadLog log) {
        return log == null ? snapshot.sequence : Math.max(snapshot.sequence, log.checkpointSequence() + 1);
    }

    private Snapshot takeSnapshot(boolean background, long now) {
        WriteAheadLog log = wal;
        Snapshot snapshot = new Snapshot(committer.lastSequence(), log == null ? 0 : log.mark());
        for (CollectionState collection : collections.get()) {
            CollectionSnapshot part = new CollectionSnapshot(collection);
            List<String> dirty = List.copyOf(collection.dirtyIds());
            boolean whole = !dirty.isEmpty() && collection.persister().needsAllRecords(collection.records().size());
            if (!whole) {
                backlog.flushTook(dirty.size()); // before they leave the dirty set: the backlog never looks smaller
            }
            for (String id : dirty) {
                collection.flushingIds().add(id); // before it leaves the dirty set: a watcher never sees it in neither
                collection.dirtyIds().remove(id);
                part.records.put(id, collection.committed(id));
            }
            if (collection.persister().indexFolder() != null) {
                if (!background || collection.indexFilesDue(now, indexFilesIntervalNanos)) {
                    for (String field : List.copyOf(collection.dirtyIndexFields())) {
                        collection.dirtyIndexFields().remove(field);
                        part.indexes.put(field, collection.indexes().get(field).entries());
                    }
                    if (!part.indexes.isEmpty()) {
                        collection.indexFilesTaken(now);
                    }
                }
            } else {
                collection.dirtyIndexFields().clear();
            }
            if (whole) {
                part.allRecords = new HashMap<>(collection.records()); // references only: bytes are immutable
            }
            if (!part.records.isEmpty() || !part.indexes.isEmpty()) {
                snapshot.collections.add(part);
            }
        }
        if (values.takeDirty()) {
            snapshot.values = values.snapshot();
        }
        return snapshot;
    }

    private final class Snapshot {
        final long sequence;
        /** The log's end at the snapshot ({@link WriteAheadLog#mark}), for the checkpoint. */
        final long logMark;
        final List<CollectionSnapshot> collections = new ArrayList<>();
        Map<String, byte[]> values;

        Snapshot(long sequence, long logMark) {
            this.sequence = sequence;
            this.logMark = logMark;
        }

        boolean isEmpty() {
            return collections.isEmpty() && values == null;
        }

        int recordCount() {
            return collections.stream().mapToInt(part -> part.records.size()).sum();
        }

        /**
         * What the journal must hold: every record when asked, else those of collections without the log
         * and of {@code alsoJournaled}.
         */
        List<ChangeEntry> journalEntries(boolean everything, Set<String> alsoJournaled) {
            List<ChangeEntry> entries = new ArrayList<>();
            for (CollectionSnapshot part : collections) {
                if (!everything && part.collection.options().wal() && !alsoJournaled.contains(part.collection.name())) {
                    continue;
                }
                part.records.forEach((id, bytes) -> entries.add(ChangeEntry.record(part.collection.name(), id, bytes)));
            }
            if (values != null) {
                // the values file is rewritten whole, so the journal carries every value
                entries.add(new ChangeEntry(ChangeEntry.Kind.CLEAR_VALUES, null, "", null));
                values.forEach((key, bytes) -> entries.add(ChangeEntry.value(key, bytes)));
            }
            return entries;
        }

        /**
         * Replaces the files in bounded batches, so memory stays flat however many records changed; the
         * journal already makes the whole snapshot all-or-nothing across a crash.
         */
        void materialize(long checkpoint) {
            for (CollectionSnapshot part : collections) {
                CollectionPersister persister = part.collection.persister();
                if (part.allRecords != null) {
                    applyStaged(persister, part.records, part.allRecords, checkpoint); // one file: one batch
                } else {
                    Map<String, byte[]> chunk = new LinkedHashMap<>();
                    for (Map.Entry<String, byte[]> change : part.records.entrySet()) {
                        chunk.put(change.getKey(), change.getValue());
                        if (chunk.size() == FILES_PER_BATCH) {
                            applyStaged(persister, chunk, null, checkpoint);
                            chunk.clear();
                        }
                    }
                    if (!chunk.isEmpty()) {
                        applyStaged(persister, chunk, null, checkpoint);
                    }
                }
                part.indexes.forEach((field, entries) ->
                        files.replace(IndexFiles.file(persister.indexFolder(), field), indexFormat.encode(entries)));
            }
            if (values != null) {
                FileBatch batch = new FileBatch();
                valuesFile.stage(values, batch);
                files.apply(batch);
            }
        }

        private void applyStaged(CollectionPersister persister, Map<String, byte[]> changes, Map<String, byte[]> all,
                                 long checkpoint) {
            if (changes.isEmpty() && all == null) {
                return;
            }
            FileBatch batch = new FileBatch();
            persister.stage(checkpoint, changes, all, batch);
            files.apply(batch);
            if (all == null) {
                backlog.flushWrote(changes.size());
            }
        }

        void doneFlushing() {
            collections.forEach(part -> part.collection.flushingIds().removeAll(part.records.keySet()));
        }

        void markDirtyAgain() {
            for (CollectionSnapshot part : collections) {
                part.collection.dirtyIds().addAll(part.records.keySet());
                part.collection.dirtyIndexFields().addAll(part.indexes.keySet());
            }
            if (values != null) {
                Flusher.this.values.markDirty();
            }
        }
    }

    private static final class CollectionSnapshot {
        final CollectionState collection;
        final Map<String, byte[]> records = new LinkedHashMap<>();
        final Map<String, List<IndexEntry>> indexes = new LinkedHashMap<>();
        Map<String, byte[]> allRecords;

        CollectionSnapshot(CollectionState collection) {
            this.collection = collection;
        }
    }
}
