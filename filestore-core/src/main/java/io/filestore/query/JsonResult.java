package io.filestore.query;

import java.util.List;

/**
 * The rows a query returned, in order, each as JSON text: what {@link Query#runJson()} gives to a caller
 * that passes the rows on as JSON (a web response, a message) and would otherwise parse each record only
 * to write it out again. A whole record is its stored text, as {@link io.filestore.DocumentCollection#getJson}
 * returns it; a projected or grouped row is its tree written compactly.
 *
 * @param ids  the row ids
 * @param rows the rows as compact JSON text
 */
public record JsonResult(List<String> ids, List<String> rows) {

    public JsonResult {
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
}
