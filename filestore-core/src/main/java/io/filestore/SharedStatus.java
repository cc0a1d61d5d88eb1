package io.filestore;

import org.jspecify.annotations.Nullable;

/**
 * A shared store's link to its database, in {@link StoreStatus#shared()}.
 *
 * @param instanceId      this instance's id in the database's instances table
 * @param writable        whether the last contact with the database succeeded, so writes are expected to
 *                        work; false while it is unreachable (reads keep working from memory)
 * @param problem         why not writable, or {@code null}
 * @param appliedSequence the last shared sequence this instance has applied to its memory
 */
public record SharedStatus(String instanceId, boolean writable, @Nullable String problem, long appliedSequence) {
}
