/**
 * The write-ahead log: checksummed segment files written by leader/follower group commit, the checkpoint
 * that says what the record files already hold, and replay on open. Internal: not for use outside
 * FileStore.
 */
@NullMarked
package io.filestore.internal.wal;

import org.jspecify.annotations.NullMarked;
