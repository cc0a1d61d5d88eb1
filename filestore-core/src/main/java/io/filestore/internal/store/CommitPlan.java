package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.filestore.RecordChange;
import io.filestore.ValueChange;
import io.filestore.internal.json.Json;

/**
 * What a commit will change, worked out under the writer mutex before anything is applied: the real
 * record changes with their old and new index keys, the real value changes, and how listeners see them.
 */
final class CommitPlan {

    private CommitPlan() {
    }

    /** The values the transaction really changes, into {@code valueWrites}; returns their changes. */
    static List<ValueChange> values(TransactionBuffer buffer, ValueState values, Json json, Map<String, byte[]> valueWrites) {
        List<ValueChange> valueChanges = new ArrayList<>();
        buffer.values().forEach((key, after) -> {
            byte[] before = values.get(key);
            if (!Arrays.equals(before, after)) {
                valueWrites.put(key, after);
                valueChanges.add(new CommittedValueChange(key, before, after, json));
            }
        });
        return valueChanges;
    }

    /** How listeners see the planned record changes. */
    static List<RecordChange> recordChanges(List<Step> steps, Json json) {
        List<RecordChange> recordChanges = new ArrayList<>(steps.size());
        for (Step step : steps) {
            recordChanges.add(new CommittedRecordChange(step.collection.name(), step.id, step.before, step.after, json));
        }
        return recordChanges;
    }

    /** Works out every real change and its old index keys before anything is applied. */
    static List<Step> steps(TransactionBuffer buffer, Json json) {
        List<Step> steps = new ArrayList<>();
        buffer.records().forEach((collection, writes) -> writes.forEach((id, write) -> {
            byte[] before = collection.committed(id);
            if (write.isDelete() ? before == null : Arrays.equals(before, write.bytes())) {
                return;
            }
            steps.add(new Step(collection, id, before, write.bytes(), collection.keysOf(before, json), write.keys(),
                    write.onDisk()));
        }));
        return steps;
    }

    /** One real record change: its images, its old and new index keys, and whether its file holds it already. */
    record Step(CollectionState collection, String id, byte[] before, byte[] after,
           List<List<Object>> oldKeys, List<List<Object>> newKeys, boolean onDisk) {
    }
}
