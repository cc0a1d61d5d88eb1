package io.filestore.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.ChangeSet;
import io.filestore.RecordChange;
import io.filestore.Subscription;
import tools.jackson.databind.node.ObjectNode;

/**
 * A query whose result follows the store (TinyBase's reactive queries). It keeps the rows that match
 * the condition; after each commit it tests again only the rows the commit may have changed (records
 * of the collection it wrote, and base rows whose joined records it wrote), reading each from the
 * store as it is now, so commits heard out of order on different threads still end in the current
 * result. Then it regroups, sorts and pages the matches, and calls the listener when the result differs.
 *
 * <p>Thread-safe. Close it to stop following the store.
 */
public final class LiveQuery implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(LiveQuery.class);

    private final Query query;
    private final ResultListener listener;
    private final Map<String, Row> matches = new ConcurrentHashMap<>();
    private final Subscription subscription;
    private QueryResult current;

    LiveQuery(Query query, ResultListener listener) {
        this.query = query;
        this.listener = listener;
        synchronized (this) {
            // listen first: a commit between the first run and the subscription would otherwise be missed
            this.subscription = query.store.onTransaction(this::onCommit);
            Execution execution = new Execution(query);
            execution.matches(execution.source()).forEach(row -> matches.put(row.id(), row));
            current = execution.finish(new ArrayList<>(matches.values()));
        }
    }

    /** The result as of the last commit heard. */
    public synchronized QueryResult current() {
        return copyOf(current);
    }

    /** Stops following the store. */
    @Override
    public void close() {
        subscription.close();
    }

    private void onCommit(ChangeSet changes) {
        Set<String> affected = affectedIds(changes);
        if (affected.isEmpty()) {
            return;
        }
        // the listener is called under the lock, so the last result it hears is the current one
        synchronized (this) {
            Execution execution = new Execution(query);
            for (String id : affected) {
                execution.evaluate(id).ifPresentOrElse(row -> matches.put(id, row), () -> matches.remove(id));
            }
            QueryResult result = execution.finish(new ArrayList<>(matches.values()));
            if (result.equals(current)) {
                return;
            }
            current = result;
            try {
                listener.onChange(copyOf(result));
            } catch (RuntimeException e) {
                log.warn("Live query listener {} failed", listener, e);
            }
        }
    }

    /** A copy the caller may change: the rows are the ones this live query keeps. */
    private static QueryResult copyOf(QueryResult result) {
        return new QueryResult(result.ids(), result.rows().stream().map(ObjectNode::deepCopy).toList());
    }

    private Set<String> affectedIds(ChangeSet changes) {
        Set<String> ids = new LinkedHashSet<>();
        for (RecordChange change : changes.records()) {
            if (change.collection().equals(query.collection)) {
                ids.add(change.id());
            }
            for (Join join : query.joins.values()) {
                join.addAffected(change, ids);
            }
        }
        return ids;
    }
}
