package io.filestore.internal.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.filestore.ChangeSet;
import io.filestore.CollectionOptions;
import io.filestore.CommitOutcomeUnknownException;
import io.filestore.SharedStatus;
import io.filestore.SharedStoreUnavailableException;
import io.filestore.Strategy;
import io.filestore.internal.json.Json;
import io.filestore.spi.SharedChange;
import io.filestore.spi.SharedStorage;
import io.filestore.spi.SharedWriteSession;

/**
 * A shared store's side of the commit protocol and of following the other instances: the database
 * ({@link SharedStorage}) is the commit point, this instance's memory a replica of it.
 *
 * <ul>
 *   <li><b>Begin</b>, holding the writer mutex: a database session takes the cross-instance writer lock
 *       and this instance applies every change committed since its last applied sequence, so the
 *       transaction's reads, unique and version checks see the latest state.</li>
 *   <li><b>Commit</b>: rows and one change entry written and committed in the database first, then
 *       applied in memory ({@link Committer#applyRemote} for others' changes, the normal apply for ours).
 *       A failure before the commit leaves memory untouched; a commit whose outcome is unknown too: if it
 *       did commit, its entry is in the change table and is applied like another instance's.</li>
 *   <li><b>Follow</b>: {@link SharedFollower} catches up on notification or poll.</li>
 *   <li><b>Behind the trim point</b>: the differences between memory and a fresh snapshot are applied as
 *       one change, so listeners hear of exactly what differed.</li>
 * </ul>
 * Changes applied under the writer mutex are queued and dispatched to listeners by the thread that
 * applied them once it released the mutex ({@link #dispatchCaughtUp}).
 */
final class SharedSync {

    private final SharedStorage storage;
    private final String instanceId = UUID.randomUUID().toString();
    private final Committer committer;
    private final Map<String, StoreCollection> collections;
    private final ValueState values;
    private final Listeners listeners;
    private final Json json;
    private final ConcurrentLinkedQueue<ChangeSet> undispatched = new ConcurrentLinkedQueue<>();
    private final SharedFollower follower;
    // the write transaction's session; only under the writer mutex
    private @Nullable SharedWriteSession session;
    private volatile @Nullable String problem;
    private final AtomicBoolean closed = new AtomicBoolean();
    // what the snapshot at open read, until each collection's loader takes its part
    private final Map<String, Map<String, byte[]>> openRecords = new HashMap<>();
    private final Map<String, byte[]> openValues = new HashMap<>();

    SharedSync(SharedStorage storage, Committer committer, Map<String, StoreCollection> collections, ValueState values,
               Listeners listeners, Json json) {
        this.storage = storage;
        this.committer = committer;
        this.collections = collections;
        this.values = values;
        this.listeners = listeners;
        this.json = json;
        this.follower = new SharedFollower(storage, this, committer);
    }

    /**
     * At open, before the collections load: the schema, this instance's registration, and one
     * consistent snapshot of the declared shared collections and the values; returns its sequence.
     */
    long open(Collection<CollectionOptions> declared) {
        Set<String> declaredShared = declared.stream().filter(collection -> collection.strategy() == Strategy.SHARED)
                .map(CollectionOptions::name).collect(Collectors.toSet());
        storage.open(instanceId);
        synchronized (openRecords) {
            return storage.snapshot(declaredShared, true, new SharedStorage.SnapshotSink() {
                @Override
                public void record(String collection, String id, byte[] document) {
                    openRecords.computeIfAbsent(collection, c -> new HashMap<>()).put(id, document);
                }

                @Override
                public void value(String key, byte[] document) {
                    openValues.put(key, document);
                }
            });
        }
    }

    /**
     * Once the store is recovered: the snapshot's values and sequence become the store's, commits go
     * through the database, and the follow thread starts.
     */
    void follow(long snapshotSequence) {
        values.all().putAll(openValues);
        openValues.clear();
        committer.sequenceIs(snapshotSequence);
        committer.shareWith(this);
        follower.start();
    }

    /**
     * Fills a shared collection being loaded: from the open's snapshot for a declared one, else (first
     * use, under the writer mutex so no change is applied meanwhile) from its table now.
     */
    void load(String collection, Map<String, byte[]> into) {
        Map<String, byte[]> fromOpen;
        synchronized (openRecords) {
            fromOpen = openRecords.remove(collection);
        }
        if (fromOpen != null) {
            into.putAll(fromOpen);
            return;
        }
        storage.snapshot(Set.of(collection), false, new SharedStorage.SnapshotSink() {
            @Override
            public void record(String name, String id, byte[] document) {
                into.put(id, document);
            }

            @Override
            public void value(String key, byte[] document) {
                // not asked for
            }
        });
    }

    /** Under the writer mutex: the session of a write transaction, caught up to the latest sequence. */
    void beginSession() {
        SharedWriteSession begun = reachable(storage::beginWrite);
        try {
            reachable(() -> {
                catchUp(begun.changesAfter(committer.lastSequence()));
                return null;
            });
        } catch (RuntimeException | Error e) {
            begun.close();
            throw e;
        }
        session = begun;
    }

    /** Under the writer mutex: commits the change in the database; returns its sequence. */
    long commit(long sequence, List<SharedChange.Entry> entries) {
        SharedWriteSession open = session;
        if (open == null) {
            throw new IllegalStateException("A shared commit needs the session its transaction began");
        }
        SharedChange change = new SharedChange(sequence, UUID.randomUUID(), entries);
        try {
            reachable(() -> {
                open.write(change);
                open.commit();
                return null;
            });
        } catch (CommitOutcomeUnknownException unknown) {
            follower.wake(); // resolves it from the change table as soon as the database answers
            throw unknown;
        }
        return sequence;
    }

    /** Under the writer mutex: ends the transaction's session, rolling back what was not committed. */
    void endSession() {
        SharedWriteSession open = session;
        session = null;
        if (open != null) {
            open.close();
        }
    }

    /** Under the writer mutex, outside a session (the follow thread): applies what others committed. */
    void catchUpNow() {
        catchUp(reachable(() -> storage.changesAfter(committer.lastSequence())));
    }

    /** Under the writer mutex: applies the changes in order, or reloads when this instance fell behind the trim point. */
    private void catchUp(SharedStorage.Changes changes) {
        if (changes.behindTrimPoint()) {
            reload();
            return;
        }
        for (SharedChange change : changes.changes()) {
            if (change.sequence() > committer.lastSequence()) {
                apply(change);
            }
        }
    }

    private void apply(SharedChange change) {
        TransactionBuffer remote = new TransactionBuffer(committer);
        for (SharedChange.Entry entry : change.entries()) {
            if (entry.isValue()) {
                remote.writeValue(entry.id(), entry.document());
                continue;
            }
            CollectionState state = sharedState(entry.collection());
            if (state != null) { // not loaded here: its table is read whole on first use
                remote.write(state, entry.id(), pending(state, entry.document()));
            }
        }
        queue(committer.applyRemote(change.sequence(), remote));
    }

    /** Replaces memory by a fresh snapshot, as one change of the differences. */
    private void reload() {
        Map<String, Map<String, byte[]>> records = new HashMap<>();
        Map<String, byte[]> fresh = new HashMap<>();
        Set<String> loaded = Set.copyOf(collections.keySet().stream().filter(name -> sharedState(name) != null).toList());
        long sequence = storage.snapshot(loaded, true, new SharedStorage.SnapshotSink() {
            @Override
            public void record(String collection, String id, byte[] document) {
                records.computeIfAbsent(collection, c -> new HashMap<>()).put(id, document);
            }

            @Override
            public void value(String key, byte[] document) {
                fresh.put(key, document);
            }
        });
        TransactionBuffer remote = new TransactionBuffer(committer);
        for (String name : loaded) {
            CollectionState state = sharedState(name);
            Map<String, byte[]> now = records.getOrDefault(name, Map.of());
            state.records().keySet().stream().filter(id -> !now.containsKey(id)).toList()
                    .forEach(id -> remote.write(state, id, PendingWrite.DELETE));
            now.forEach((id, document) -> {
                if (!sameJson(state.committed(id), document)) {
                    remote.write(state, id, pending(state, document));
                }
            });
        }
        values.all().keySet().stream().filter(key -> !fresh.containsKey(key)).toList().forEach(key -> remote.writeValue(key, null));
        fresh.forEach((key, document) -> {
            if (!sameJson(values.get(key), document)) {
                remote.writeValue(key, document);
            }
        });
        queue(committer.applyRemote(sequence, remote));
    }

    private boolean sameJson(byte @Nullable [] held, byte[] fresh) {
        return held != null && json.parse(held).equals(json.parse(fresh));
    }

    private PendingWrite pending(CollectionState state, byte @Nullable [] document) {
        return document == null ? PendingWrite.DELETE : new PendingWrite(document, state.indexes().keysOf(json.parseObject(document)));
    }

    private @Nullable CollectionState sharedState(@Nullable String name) {
        StoreCollection collection = name == null ? null : collections.get(name);
        return collection == null || collection.options().strategy() != Strategy.SHARED ? null : collection.state();
    }

    private void queue(ChangeSet changes) {
        if (!changes.isEmpty()) {
            undispatched.add(changes);
        }
    }

    /** With no store lock held: calls the listeners on the changes of others applied so far. */
    void dispatchCaughtUp() {
        for (ChangeSet changes = undispatched.poll(); changes != null; changes = undispatched.poll()) {
            listeners.dispatch(changes);
        }
    }

    /** Runs a call to the database, noting whether it was reachable. */
    private <T> T reachable(Supplier<T> call) {
        try {
            T result = call.get();
            problem = null;
            return result;
        } catch (SharedStoreUnavailableException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    /** Notes a failure the follow thread met. */
    void unreachable(RuntimeException e) {
        problem = String.valueOf(e.getMessage());
    }

    /** Notes that the follow thread reached the database. */
    void reached() {
        problem = null;
    }

    SharedStatus status() {
        String why = problem;
        return new SharedStatus(instanceId, why == null, why, committer.lastSequence());
    }

    /** Stops the follow thread (a close, before it takes the writer mutex). */
    void stopFollowing() {
        follower.stop();
    }

    /** Stops following and unregisters this instance, once; the store is closed or its open failed. */
    void close() {
        follower.stop();
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            storage.close();
        } catch (RuntimeException e) {
            SharedFollower.LOG.warn("Cannot unregister this instance from the shared store", e);
        }
    }
}
