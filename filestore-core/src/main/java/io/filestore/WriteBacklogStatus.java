package io.filestore;

import java.time.Duration;

/**
 * The writes the flusher has yet to catch up with, the bounds on them, and how often writers waited for
 * it ({@link StoreStatus#writeBacklog()}; {@link FileStoreOptions#maxDirtyRecords()} and
 * {@link FileStoreOptions#maxUnflushedLogBytes()} say how the bounds work).
 *
 * @param dirtyRecords         records changed in memory and not yet written to their files, over all
 *                             collections, those a flush is writing now included; a collection whose next
 *                             flush rewrites its one file whole is left out (that flush costs the same
 *                             however many records changed)
 * @param maxDirtyRecords      the bound on them; 0 for none
 * @param unflushedLogBytes    bytes of the write-ahead log above its checkpoint (logged since the last
 *                             flush began); 0 before anything is logged
 * @param maxUnflushedLogBytes the bound on them; 0 for none
 * @param stalledWriters       writers waiting for the flusher now
 * @param stalls               commits whose writer waited for the flusher because a bound was reached,
 *                             since the store opened
 * @param stallTime            all those waits added up; {@link Duration#ZERO} when none
 */
public record WriteBacklogStatus(long dirtyRecords, long maxDirtyRecords, long unflushedLogBytes,
                                 long maxUnflushedLogBytes, int stalledWriters, long stalls, Duration stallTime) {
}
