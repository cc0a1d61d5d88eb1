package io.filestore.query;

/** Hears a live query's new result after a commit changed it. */
@FunctionalInterface
public interface ResultListener {
    void onChange(QueryResult result);
}
