/**
 * The write-ahead log: checksummed segment files written by one group-commit thread, the checkpoint
 * that says what the record files already hold, and replay on open.
 */
package io.filestore.wal;
