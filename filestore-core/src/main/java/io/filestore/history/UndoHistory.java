package io.filestore.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.filestore.ChangeSet;
import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.Subscription;
import io.filestore.ValueChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Undo and redo for a store, as TinyBase's Checkpoints (named history here, since a checkpoint is the
 * write-ahead log's): {@link #add} marks the current state, and
 * {@link #undo()} and {@link #redo()} move between marked states, each as one ordinary transaction
 * (so indexes, listeners, the write-ahead log and flushes follow).
 *
 * <p>Every committed transaction is recorded with its before and after images. Changes made since the
 * last mark are folded into a mark of their own when {@code undo} is called, so undo
 * always returns to the last marked state. A new change after an undo drops what could be redone. At
 * most {@code maxHistory} marks are kept; older ones are forgotten (their changes stay).
 *
 * <p>History lives in memory only: a reopened store starts with none. Undo writes the recorded
 * images back, so a change made by someone else to the same record in between is overwritten.
 * Thread-safe; close it to stop recording.
 */
public final class UndoHistory implements AutoCloseable {

    private record Step(String label, List<ChangeSet> changes) {
    }

    private final FileStore store;
    private final int maxHistory;
    private final Subscription subscription;
    private final Deque<Step> backward = new ArrayDeque<>();
    private final Deque<Step> forward = new ArrayDeque<>();
    private final List<ChangeSet> pending = new ArrayList<>();
    private final ThreadLocal<Boolean> replaying = ThreadLocal.withInitial(() -> false);

    private UndoHistory(FileStore store, int maxHistory) {
        this.store = store;
        this.maxHistory = maxHistory;
        this.subscription = store.onTransaction(this::record);
    }

    /**
     * Starts recording the store's changes.
     *
     * @param maxHistory how many marks to keep, at least 1
     */
    public static UndoHistory attach(FileStore store, int maxHistory) {
        if (maxHistory < 1) {
            throw new IllegalArgumentException("maxHistory must be at least 1, was " + maxHistory);
        }
        return new UndoHistory(store, maxHistory);
    }

    /** Marks the current state with a label; returns false when nothing changed since the last mark. */
    public synchronized boolean add(String label) {
        if (pending.isEmpty()) {
            return false;
        }
        // listeners of concurrent commits may run out of order: replay must follow commit order
        pending.sort(Comparator.comparingLong(ChangeSet::sequence));
        backward.push(new Step(label, List.copyOf(pending)));
        pending.clear();
        while (backward.size() > maxHistory) {
            backward.removeLast();
        }
        return true;
    }

    /** Whether {@link #undo()} has something to undo. */
    public synchronized boolean canUndo() {
        return !pending.isEmpty() || !backward.isEmpty();
    }

    /** Whether {@link #redo()} has something to redo. */
    public synchronized boolean canRedo() {
        return !forward.isEmpty();
    }

    /** The labels that undo would pass, newest first. */
    public synchronized List<String> undoLabels() {
        return backward.stream().map(Step::label).toList();
    }

    /** The labels that redo would pass, next first. */
    public synchronized List<String> redoLabels() {
        return forward.stream().map(Step::label).toList();
    }

    /**
     * Returns to the state before the last mark (changes since it are folded into one first).
     *
     * @return the label of the undone mark, or empty when there was nothing to undo
     */
    public synchronized Optional<String> undo() {
        add("");
        Step step = backward.poll();
        if (step == null) {
            return Optional.empty();
        }
        replay(step, true);
        forward.push(step);
        return Optional.of(step.label());
    }

    /**
     * Re-applies the last undone mark.
     *
     * @return its label, or empty when there was nothing to redo
     */
    public synchronized Optional<String> redo() {
        Step step = forward.poll();
        if (step == null) {
            return Optional.empty();
        }
        replay(step, false);
        backward.push(step);
        return Optional.of(step.label());
    }

    /** Stops recording. */
    @Override
    public void close() {
        subscription.close();
    }

    private synchronized void record(ChangeSet changes) {
        if (replaying.get()) {
            return;
        }
        pending.add(changes);
        forward.clear();
    }

    /** Writes the step's before images (undo, newest change first) or after images (redo, oldest first). */
    private void replay(Step step, boolean undo) {
        List<ChangeSet> sets = new ArrayList<>(step.changes());
        if (undo) {
            Collections.reverse(sets);
        }
        replaying.set(true);
        try {
            store.runInTransaction(tx -> {
                for (ChangeSet set : sets) {
                    List<RecordChange> records = new ArrayList<>(set.records());
                    List<ValueChange> values = new ArrayList<>(set.values());
                    if (undo) {
                        Collections.reverse(records);
                        Collections.reverse(values);
                    }
                    records.forEach(change -> restore(change, undo ? change.before() : change.after()));
                    values.forEach(change -> restoreValue(change.key(), undo ? change.before() : change.after()));
                }
            });
        } finally {
            replaying.set(false);
        }
    }

    private void restore(RecordChange change, Optional<ObjectNode> image) {
        if (image.isPresent()) {
            store.collection(change.collection()).put(change.id(), image.get());
        } else {
            store.collection(change.collection()).delete(change.id());
        }
    }

    private void restoreValue(String key, Optional<JsonNode> image) {
        if (image.isPresent()) {
            store.setValue(key, image.get());
        } else {
            store.deleteValue(key);
        }
    }
}
