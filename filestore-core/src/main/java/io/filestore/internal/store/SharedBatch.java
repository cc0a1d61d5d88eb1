package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.filestore.ChangeSet;
import io.filestore.RecordChange;
import io.filestore.UniqueConstraintException;
import io.filestore.internal.index.FieldIndex;
import io.filestore.internal.json.Json;

/**
 * A shared store's combined single-record writes ({@link WriteCombiner}): the whole batch in one
 * database transaction with one change entry, so 64 concurrent writers cost one round trip series,
 * not 64. Each write is still checked on its own, against the state the writes accepted before it
 * leave (a duplicate key fails only its writer), and each writer hears of its own change; the batch
 * shares one sequence. Nothing is applied in memory before the database committed; if that fails,
 * every write of the batch gets the failure (or the unknown outcome).
 */
final class SharedBatch {

    private final Committer committer;
    private final SharedSync sync;
    private final Json json;
    private final TransactionBuffer all;
    // per collection and unique index position: key -> the id whose accepted write claims it
    private final Map<CollectionState, Map<Integer, Map<Object, String>>> claims = new HashMap<>();

    private SharedBatch(Committer committer, SharedSync sync, Json json) {
        this.committer = committer;
        this.sync = sync;
        this.json = json;
        this.all = new TransactionBuffer(committer);
    }

    /** Under the writer mutex: commits the batch, setting each request's outcome. */
    static void apply(Committer committer, SharedSync sync, Json json, List<WriteCombiner.Request> batch) {
        new SharedBatch(committer, sync, json).apply(batch);
    }

    private void apply(List<WriteCombiner.Request> batch) {
        sync.beginSession();
        try {
            List<WriteCombiner.Request> accepted = new ArrayList<>();
            for (WriteCombiner.Request request : batch) {
                try {
                    request.admit.run();
                    accept(request);
                    accepted.add(request);
                } catch (RuntimeException e) {
                    request.failure = e;
                }
            }
            List<List<RecordChange>> changes = changesOf(accepted);
            long sequence = committer.commitSharedBatch(all);
            for (int i = 0; i < accepted.size(); i++) {
                accepted.get(i).applied = new Applied(new ChangeSet(sequence, changes.get(i), List.of()), null);
            }
        } finally {
            sync.endSession();
        }
    }

    /** Checks the write's unique keys against the committed state and the writes accepted so far, then takes it in. */
    private void accept(WriteCombiner.Request request) {
        CollectionState collection = request.collection;
        Map<String, PendingWrite> writes = all.writes(collection);
        List<FieldIndex> indexes = collection.indexes().all();
        for (int i = 0; i < indexes.size(); i++) {
            FieldIndex index = indexes.get(i);
            if (!index.isUnique()) {
                continue;
            }
            Map<Object, String> claimed = claimed(collection, i);
            for (Object key : keys(request.write, i)) {
                String other = claimed.get(key);
                if (other != null && !other.equals(request.id)) {
                    throw new UniqueConstraintException(collection.name(), index.field(), key, other, request.id);
                }
                for (String owner : index.idsEqual(key)) {
                    if (!owner.equals(request.id) && !writes.containsKey(owner)) {
                        throw new UniqueConstraintException(collection.name(), index.field(), key, owner, request.id);
                    }
                }
            }
        }
        PendingWrite previous = writes.get(request.id);
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i).isUnique()) {
                Map<Object, String> claimed = claimed(collection, i);
                if (previous != null) {
                    keys(previous, i).forEach(key -> claimed.remove(key, request.id));
                }
                keys(request.write, i).forEach(key -> claimed.put(key, request.id));
            }
        }
        all.write(collection, request.id, request.write);
    }

    private Map<Object, String> claimed(CollectionState collection, int index) {
        return claims.computeIfAbsent(collection, c -> new HashMap<>()).computeIfAbsent(index, i -> new HashMap<>());
    }

    private static List<Object> keys(PendingWrite write, int index) {
        return write.keys().isEmpty() ? List.of() : write.keys().get(index);
    }

    /** Each accepted write's own change, its before image being what the writes before it left. */
    private List<List<RecordChange>> changesOf(List<WriteCombiner.Request> accepted) {
        Map<CollectionState, Map<String, byte[]>> running = new HashMap<>();
        List<List<RecordChange>> changes = new ArrayList<>(accepted.size());
        for (WriteCombiner.Request request : accepted) {
            Map<String, byte[]> images = running.computeIfAbsent(request.collection, c -> new HashMap<>());
            byte[] before = images.containsKey(request.id) ? images.get(request.id) : request.collection.committed(request.id);
            byte[] after = request.write.bytes();
            images.put(request.id, after);
            boolean same = after == null ? before == null : Arrays.equals(before, after);
            changes.add(same ? List.of()
                    : List.of(new CommittedRecordChange(request.collection.name(), request.id, before, after, json)));
        }
        return changes;
    }
}
