package io.filestore.internal.index;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The ids of the records that share one key of a {@link FieldIndex}: the index's hash map and its
 * sorted map hold the same posting for a key. One case per representation, each chosen for how the key
 * came to be:
 * <ul>
 *   <li>{@link SingleId}: a key of one record, the usual case of a unique or near-unique field;</li>
 *   <li>{@link SortedIds}: a key several loaded records share, a sorted array until its first write;</li>
 *   <li>{@link IdSet}: a key several records share after a write, a concurrent set changed in place;</li>
 *   <li>{@link LoadingIds}: a shared key while its collection loads, before the index has readers.</li>
 * </ul>
 * A posting is never empty. The writer replaces a posting in both maps when {@link #with} or
 * {@link #without} returns another one; readers see either, never a half-changed one.
 */
sealed interface Postings permits SingleId, SortedIds, IdSet, LoadingIds {

    /** How many ids. */
    int size();

    /** Whether the posting holds {@code id}. */
    boolean contains(String id);

    /** This posting with {@code id} added: itself when it holds {@code id} or took it in place, else a new one. */
    Postings with(String id);

    /**
     * This posting without {@code id}: itself when it does not hold {@code id} or lost it in place, a new
     * one otherwise, or {@code null} when {@code id} was its last.
     */
    @Nullable Postings without(String id);

    /** Passes every id to {@code sink}, in no particular order. */
    void forEach(Consumer<String> sink);

    /** Every id in string order; unmodifiable. */
    List<String> sorted();

    /** The {@code count} smallest ids in string order (all when fewer); unmodifiable. */
    List<String> smallest(int count);
}
