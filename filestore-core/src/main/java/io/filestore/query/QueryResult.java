package io.filestore.query;

import java.util.List;
import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * The rows a query returned, in order. For a grouped query a row is a group (its group fields and
 * aggregates) and its id is the JSON array of its group values. Rows are fresh trees the caller owns.
 * Two results are equal when they hold the same ids and rows in the same order.
 *
 * @param ids  the row ids
 * @param rows the rows (projected when the query selects fields)
 */
public record QueryResult(List<String> ids, List<ObjectNode> rows) {

    public QueryResult {
        ids = List.copyOf(ids);
        rows = List.copyOf(rows);
        if (ids.size() != rows.size()) {
            throw new IllegalArgumentException("ids and rows differ in length");
        }
    }

    /** How many rows. */
    public int size() {
        return ids.size();
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return ids.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryResult that && ids.equals(that.ids) && rows.equals(that.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, rows);
    }
}
