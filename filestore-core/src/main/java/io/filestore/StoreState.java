package io.filestore;

/**
 * Where a store is in its life, and the moves allowed between those states:
 *
 * <pre>
 * OPENING --&gt; OPEN --&gt; CLOSING --&gt; CLOSED
 *    |          |         ^
 *    |          v         |
 *    +-----&gt; FENCED ------+        (and any state but CLOSED --&gt; CLOSED: a failed open, a failed close)
 * </pre>
 *
 * <ul>
 * <li>{@link #OPENING}: recovering from its files and log; only the store itself writes.</li>
 * <li>{@link #OPEN}: takes reads and writes.</li>
 * <li>{@link #FENCED}: read-only for good, after its write-ahead log failed or its folder lock was lost;
 *     reads go on, writes and flushes throw {@link StoreFencedException}, and reopening recovers what the
 *     log made durable. The first reason stays.</li>
 * <li>{@link #CLOSING}: {@link FileStore#close()} is flushing; writes throw {@link StoreClosedException}.</li>
 * <li>{@link #CLOSED}: threads and the folder lock are released; nothing leads out of it.</li>
 * </ul>
 *
 * A fenced store that is closed moves on to {@code CLOSING} and {@code CLOSED}; its
 * {@link StoreStatus#fenced()} stays true.
 */
public enum StoreState {

    /** Reading its files and replaying its log. */
    OPENING,
    /** Taking reads and writes. */
    OPEN,
    /** Read-only after a failure; see the type's description. */
    FENCED,
    /** Being closed: flushing what is in memory. */
    CLOSING,
    /** Closed; the data folder is released. */
    CLOSED;

    /** Whether a store in this state may move to {@code next}. */
    public boolean canMoveTo(StoreState next) {
        return switch (this) {
            case OPENING -> next == OPEN || next == FENCED || next == CLOSING || next == CLOSED;
            case OPEN -> next == FENCED || next == CLOSING || next == CLOSED;
            case FENCED -> next == CLOSING || next == CLOSED;
            case CLOSING -> next == CLOSED;
            case CLOSED -> false;
        };
    }

    /**
     * The state after moving to {@code next}.
     *
     * @throws IllegalStateException when the move is not allowed (see {@link #canMoveTo})
     */
    public StoreState moveTo(StoreState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("A store cannot go from " + this + " to " + next);
        }
        return next;
    }

    /** Whether a store in this state takes writes: {@link #OPENING} (its own recovery) and {@link #OPEN}. */
    public boolean takesWrites() {
        return this == OPENING || this == OPEN;
    }

    /** Whether the store is closing or closed: writes and new transactions throw {@link StoreClosedException}. */
    public boolean isClosed() {
        return this == CLOSING || this == CLOSED;
    }
}
