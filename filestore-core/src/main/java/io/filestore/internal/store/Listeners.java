package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.ChangeSet;
import io.filestore.CollectionListener;
import io.filestore.RecordChange;
import io.filestore.RecordListener;
import io.filestore.Subscription;
import io.filestore.TransactionListener;
import io.filestore.ValueChange;
import io.filestore.ValueListener;

/**
 * The registered listeners and their dispatch. A listener that throws is logged and skipped; the
 * others still run. Thread-safe: listeners may be added and removed while dispatching.
 */
final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<TransactionListener> transactions = new CopyOnWriteArrayList<>();
    private final Map<String, List<CollectionListener>> collections = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<RecordListener>>> records = new ConcurrentHashMap<>();
    private final Map<String, List<ValueListener>> values = new ConcurrentHashMap<>();

    Subscription onTransaction(TransactionListener listener) {
        transactions.add(listener);
        return () -> transactions.remove(listener);
    }

    Subscription onCollection(String collection, CollectionListener listener) {
        List<CollectionListener> list = collections.computeIfAbsent(collection, c -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    Subscription onRecord(String collection, String id, RecordListener listener) {
        List<RecordListener> list = records.computeIfAbsent(collection, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(id, i -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    Subscription onValue(String key, ValueListener listener) {
        List<ValueListener> list = values.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** Calls every listener the change set concerns. */
    void dispatch(ChangeSet changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (TransactionListener listener : transactions) {
            safely(() -> listener.onCommit(changes), listener);
        }
        if (!collections.isEmpty()) {
            Map<String, List<RecordChange>> byCollection = new LinkedHashMap<>();
            for (RecordChange change : changes.records()) {
                byCollection.computeIfAbsent(change.collection(), c -> new ArrayList<>()).add(change);
            }
            byCollection.forEach((collection, list) -> {
                for (CollectionListener listener : collections.getOrDefault(collection, List.of())) {
                    safely(() -> listener.onChange(List.copyOf(list)), listener);
                }
            });
        }
        if (!records.isEmpty()) {
            for (RecordChange change : changes.records()) {
                Map<String, List<RecordListener>> byId = records.get(change.collection());
                List<RecordListener> list = byId == null ? null : byId.get(change.id());
                if (list != null) {
                    list.forEach(listener -> safely(() -> listener.onChange(change), listener));
                }
            }
        }
        for (ValueChange change : changes.values()) {
            for (ValueListener listener : values.getOrDefault(change.key(), List.of())) {
                safely(() -> listener.onChange(change), listener);
            }
        }
    }

    private static void safely(Runnable call, Object listener) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            log.warn("FileStore listener {} failed; the store and other listeners are unaffected", listener, e);
        }
    }
}
