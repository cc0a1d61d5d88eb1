package io.filestore.internal.store;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.DocumentCollection;
import io.filestore.internal.json.Json;
import io.filestore.internal.persist.FlushJournal;
import io.filestore.internal.wal.ChangeEntry;
import io.filestore.internal.wal.WriteAheadLog;

/**
 * Brings the loaded record files up to date at open from two sources:
 * <ul>
 *   <li>the <b>flush journal</b>: a journal that verifies holds the images, as of its sequence, of what
 *       an interrupted flush wrote and the log does not hold (unlogged collections, values), so its
 *       images are applied again; one that does not verify was torn before any record file was
 *       touched and is discarded;</li>
 *   <li>the <b>write-ahead log</b>: every transaction above the checkpoint, in order.</li>
 * </ul>
 * The journal is applied at its place in the log's order: after the logged transactions up to its
 * sequence (some of which may touch an unlogged collection with older images than the journal's) and
 * before those above it. Every entry carries a full image, so applying one twice is harmless. The
 * caller flushes afterwards, journaling only what the log does not hold (see {@link #journaledCollections}).
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final FlushJournal journal;
    private final WriteAheadLog wal;
    private final Committer committer;
    private final ValueState values;
    private final Function<String, DocumentCollection> collections;
    private final Json json;
    private final Set<String> journaledCollections = new TreeSet<>();

    Recovery(FlushJournal journal, WriteAheadLog wal, Committer committer, ValueState values,
             Function<String, DocumentCollection> collections, Json json) {
        this.journal = journal;
        this.wal = wal;
        this.committer = committer;
        this.values = values;
        this.collections = collections;
        this.json = json;
    }

    /** Applies the journal and the log; returns whether anything was applied (so a flush is due). */
    boolean run() {
        long checkpoint = wal.checkpointSequence();
        FlushJournal.Batch batch = readJournal();
        boolean[] journalApplied = {batch == null};
        long[] transactions = {0};
        long last = wal.replay(checkpoint, (sequence, entries) -> {
            if (!journalApplied[0] && sequence > batch.sequence()) {
                applyJournal(batch);
                journalApplied[0] = true;
            }
            committer.applyRecovered(() -> entries.forEach(this::apply));
            transactions[0]++;
        });
        if (!journalApplied[0]) {
            applyJournal(batch);
        }
        committer.advanceSequenceTo(Math.max(last, Math.max(checkpoint, batch == null ? 0 : batch.sequence())));
        if (transactions[0] > 0) {
            log.info("Replayed {} transaction(s) from the write-ahead log, up to sequence {}", transactions[0], last);
        }
        return batch != null || transactions[0] > 0;
    }

    /**
     * The collections whose records the applied journal held. The flush after recovery journals them
     * again whatever their {@code wal} setting: a collection logged now may not have been when the
     * journal was written, and the log does not hold those records.
     */
    Set<String> journaledCollections() {
        return journaledCollections;
    }

    private void applyJournal(FlushJournal.Batch batch) {
        batch.entries().stream()
                .filter(entry -> entry.kind() == ChangeEntry.Kind.PUT_RECORD || entry.kind() == ChangeEntry.Kind.DELETE_RECORD)
                .forEach(entry -> journaledCollections.add(entry.collection()));
        committer.applyRecovered(() -> batch.entries().forEach(this::apply));
        log.info("Completing an interrupted flush from {} ({} changes)", journal.file(), batch.entries().size());
    }

    private FlushJournal.@Nullable Batch readJournal() {
        try {
            return journal.read();
        } catch (CorruptedFileException torn) {
            log.warn("Discarding an incomplete flush journal; the flush it began had not changed any file yet: {}",
                    torn.getMessage());
            journal.delete();
            return null;
        }
    }

    private void apply(ChangeEntry entry) {
        switch (entry.kind()) {
            case PUT_RECORD, DELETE_RECORD -> {
                CollectionState state = ((StoreCollection) collections.apply(entry.collection())).state();
                if (!state.options().strategy().isPersistent()) {
                    return; // the collection became memory-only since this was written
                }
                byte[] before = state.committed(entry.id());
                byte[] after = entry.payload();
                state.apply(entry.id(), after, state.keysOf(before, json),
                        after == null ? List.of() : state.indexes().keysOf(json.parseObject(after)));
            }
            case PUT_VALUE, DELETE_VALUE -> values.apply(entry.id(), entry.payload());
            case CLEAR_VALUES -> {
                values.all().clear();
                values.markDirty();
            }
        }
    }
}
