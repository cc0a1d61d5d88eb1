package io.filestore;

/**
 * One index of a collection as {@link StoreStatus#indexes()} reports it, for operators who want to see
 * what is indexed and how selective it is.
 *
 * @param field  the indexed field path as configured ({@code address.city})
 * @param unique whether the index refuses a second record with the same non-null value
 * @param keys   how many distinct values the index holds now (a record with an array field counts
 *               once per element); compared with the collection's record count, it says how selective
 *               a lookup is
 */
public record IndexStatus(String field, boolean unique, int keys) {
}
