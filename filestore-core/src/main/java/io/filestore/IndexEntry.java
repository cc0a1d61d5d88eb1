package io.filestore;

/**
 * One line of a sorted index: a key and the id of a record that has it, as
 * {@link DocumentCollection#findEntriesInRange} returns them.
 *
 * @param key   the indexed value as the index compares it: a {@code String}, a {@code Boolean}, a
 *              number ({@code 1} and {@code 1.0} are one key), or the key of a JSON array's element
 * @param rowId the id of a record whose field has this key
 */
public record IndexEntry(Object key, String rowId) {
}
