package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.filestore.CommitHook;
import io.filestore.RecordChange;
import io.filestore.internal.json.Json;

/** Runs the commit hooks on a transaction before it is validated, under the writer mutex ({@link CommitHook}). */
final class CommitHooks {

    private CommitHooks() {
    }

    /**
     * Shows the hooks the transaction's real changes, and again whatever they wrote in turn, until a
     * round writes nothing new; each write is shown once, so a cascade costs what it changes.
     */
    static void run(List<CommitHook> hooks, TransactionBuffer buffer, Json json) {
        if (hooks.isEmpty()) {
            return;
        }
        Map<CollectionState, Map<String, PendingWrite>> shown = new HashMap<>();
        while (true) {
            List<RecordChange> fresh = new ArrayList<>();
            buffer.records().forEach((collection, writes) -> {
                Map<String, PendingWrite> shownHere = shown.computeIfAbsent(collection, c -> new HashMap<>());
                writes.forEach((id, write) -> {
                    if (shownHere.put(id, write) == write) {
                        return;
                    }
                    byte[] before = collection.committed(id);
                    if (write.isDelete() ? before != null : !Arrays.equals(before, write.bytes())) {
                        fresh.add(new CommittedRecordChange(collection.name(), id, before, write.bytes(), json));
                    }
                });
            });
            if (fresh.isEmpty()) {
                return;
            }
            List<RecordChange> round = List.copyOf(fresh);
            for (CommitHook hook : hooks) {
                hook.beforeCommit(round);
            }
        }
    }
}
