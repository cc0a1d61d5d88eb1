package io.filestore.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import tools.jackson.databind.JsonNode;

/**
 * Copies collections and values from one open store to another through the public API, {@value #BATCH}
 * records per transaction (each one commit, in a shared store one database transaction), in id order.
 */
final class Copying {

    static final int BATCH = 1000;

    private Copying() {
    }

    /** Copies every record of the named collection; returns how many. */
    static int collection(FileStore from, FileStore to, String name, PrintWriter err) {
        DocumentCollection source = from.collection(name);
        ProgressBar bar = new ProgressBar(name, err);
        int total = source.count();
        List<String> ids = source.ids().stream().sorted().toList();
        int done = 0;
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            List<JsonNode> records = new ArrayList<>(batch.size());
            batch.forEach(id -> records.add(source.get(id).orElseThrow()));
            to.runInTransaction(tx -> {
                DocumentCollection target = to.collection(name);
                for (int i = 0; i < batch.size(); i++) {
                    target.put(batch.get(i), records.get(i));
                }
            });
            done += batch.size();
            bar.update(done, total);
        }
        bar.finish();
        return done;
    }

    /** Copies every global value in one transaction; returns how many. */
    static int values(FileStore from, FileStore to) {
        List<String> keys = from.valueKeys().stream().sorted().toList();
        if (!keys.isEmpty()) {
            to.runInTransaction(tx -> keys.forEach(key -> to.setValue(key, from.getValue(key).orElseThrow())));
        }
        return keys.size();
    }
}
