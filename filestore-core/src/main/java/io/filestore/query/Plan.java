package io.filestore.query;

/**
 * How a query runs, as {@link Query#explain()} shows it.
 *
 * @param access       how candidate records are found
 * @param candidates   how many candidates that gives (the collection's size for a scan)
 * @param detail       the index conditions, or for a scan why no index could help
 * @param indexOrdered whether rows come in index order, so that a limit stops the read early
 * @param steps        what follows: filter, sort, group, page, select
 */
public record Plan(Access access, int candidates, String detail, boolean indexOrdered, String steps) {

    /** How candidate records are found. */
    public enum Access {
        /** By id. */
        ID_LOOKUP,
        /** Equality lookups in a hash index. */
        INDEX_LOOKUP,
        /** A range of a sorted index. */
        INDEX_RANGE,
        /** A sorted index read in order from its start, as far as the page: the query orders by the field and every record has one key there. */
        INDEX_ORDER,
        /** An index of a joined collection, then the relationship back. */
        JOIN_INDEX,
        /** Several index accesses combined (an or). */
        INDEX_UNION,
        /** Every record of the collection. */
        FULL_SCAN
    }

    /** Whether an index (or the id map) finds the candidates, so no scan happens. */
    public boolean usesIndex() {
        return access != Access.FULL_SCAN;
    }

    @Override
    public String toString() {
        return access.name().toLowerCase().replace('_', ' ') + " " + detail + " -> " + candidates + " candidate(s)"
                + (indexOrdered ? ", in index order" : "") + (steps.isEmpty() ? "" : "; " + steps);
    }
}
