package io.filestore;

import java.util.List;

/**
 * Everything one committed transaction changed, in the order it was written.
 *
 * @param sequence the transaction's commit sequence number; strictly increasing per store, so
 *                 listeners on different threads can order what they receive
 * @param records  the changed records (one entry per record: its state before and after the transaction)
 * @param values   the changed global values
 */
public record ChangeSet(long sequence, List<RecordChange> records, List<ValueChange> values) {

    public ChangeSet {
        records = List.copyOf(records);
        values = List.copyOf(values);
    }

    /** The record changes of one collection, in write order. */
    public List<RecordChange> records(String collection) {
        return records.stream().filter(change -> change.collection().equals(collection)).toList();
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return records.isEmpty() && values.isEmpty();
    }
}
