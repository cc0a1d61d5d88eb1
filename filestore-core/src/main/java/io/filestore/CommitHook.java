package io.filestore;

import java.util.List;

/**
 * Runs inside every write transaction just before it commits, to keep rules that span records, such as
 * a relationship's delete policy.
 *
 * <p>It runs on the committing thread while the transaction is still open: reads see the transaction's
 * writes, writes join it (and the hook then hears about them in a further call, until nothing new
 * was written), and an exception refuses the commit, so nothing of the transaction is applied and the
 * exception reaches the caller. It must not start another thread's work that waits for this commit.
 * Recovery at open does not run hooks: what is recovered was checked when it first committed.
 */
@FunctionalInterface
public interface CommitHook {

    /**
     * @param changes the records the transaction changes that this hook has not seen yet, each with its
     *                committed state before and its pending state after
     */
    void beforeCommit(List<RecordChange> changes);
}
