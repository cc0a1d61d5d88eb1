package io.filestore.store;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.DocumentCollection;
import io.filestore.json.Json;
import io.filestore.persist.FlushJournal;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finishes a flush that a crash interrupted. A journal that verifies holds a complete batch whose
 * files may be partly replaced: its changes are applied to the loaded state and flushed again. A
 * journal that does not verify was torn while being written, before any record file was touched, so
 * it is discarded.
 */
final class JournalRecovery {

    private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

    private final FlushJournal journal;
    private final Committer committer;
    private final ValueState values;
    private final Function<String, DocumentCollection> collections;
    private final Json json;

    JournalRecovery(FlushJournal journal, Committer committer, ValueState values,
                    Function<String, DocumentCollection> collections, Json json) {
        this.journal = journal;
        this.committer = committer;
        this.values = values;
        this.collections = collections;
        this.json = json;
    }

    void run(Flusher flusher) {
        FlushJournal.Batch batch;
        try {
            batch = journal.read();
        } catch (CorruptedFileException torn) {
            log.warn("Discarding an incomplete flush journal; the flush it began had not changed any file yet: {}",
                    torn.getMessage());
            journal.delete();
            return;
        }
        if (batch == null) {
            return;
        }
        committer.applyRecovered(() -> batch.entries().forEach(this::apply));
        committer.advanceSequenceTo(batch.sequence());
        flusher.flush();
        journal.delete();
        log.info("Completed an interrupted flush from {} ({} changes)", journal.file(), batch.entries().size());
    }

    private void apply(FlushJournal.Entry entry) {
        switch (entry.kind()) {
            case PUT_RECORD, DELETE_RECORD -> {
                CollectionState state = ((StoreCollection) collections.apply(entry.collection())).state();
                byte[] before = state.committed(entry.id());
                byte[] after = entry.payload();
                ObjectNode node = after == null ? null : json.parseObject(after);
                state.apply(entry.id(), after, state.keysOf(before, json),
                        node == null ? java.util.List.of() : state.indexes().keysOf(node));
            }
            case CLEAR_VALUES -> {
                values.all().clear();
                values.markDirty();
            }
            case PUT_VALUE -> values.apply(entry.id(), entry.payload());
        }
    }
}
