/**
 * The in-memory store: collections, transactions and their commit, listeners, the flusher, and the
 * open/close lifecycle that ties them to the persistence layer.
 */
package io.filestore.store;
