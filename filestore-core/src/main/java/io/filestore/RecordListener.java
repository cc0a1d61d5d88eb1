package io.filestore;

/**
 * Called after a transaction that changed one record has committed, on the committing thread, with
 * no store lock held: it may read and write the store. An exception it throws is logged and does not
 * affect the store or other listeners.
 */
@FunctionalInterface
public interface RecordListener {
    void onChange(RecordChange change);
}
