package io.filestore;

/** Called after every committed transaction with all it changed, under the same rules as {@link RecordListener}. */
@FunctionalInterface
public interface TransactionListener {
    void onCommit(ChangeSet changes);
}
