/**
 * The in-memory store: collections, transactions and their commit, listeners, the flusher, and the
 * open/close lifecycle that ties them to the persistence layer. Internal: not for use outside FileStore.
 */
@NullMarked
package io.filestore.internal.store;

import org.jspecify.annotations.NullMarked;
