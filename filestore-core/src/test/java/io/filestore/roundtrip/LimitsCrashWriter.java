package io.filestore.roundtrip;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.filestore.FileStore;
import io.filestore.InvalidRecordException;
import io.filestore.internal.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The child process of {@link JsonLimitsCrashIntegrationTests}: on every logged layout, stores each
 * record at the limits and tries each one past them, printing {@code ACK layout id} for every write
 * that returned and {@code REFUSED layout id} for every refusal, then {@code DONE}, and waits to be
 * killed with the stores open.
 */
public final class LimitsCrashWriter {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private LimitsCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<FileStore> open = new ArrayList<>();
        for (Layouts layout : Layouts.values()) {
            if (!layout.logged()) {
                continue;
            }
            FileStore store = layout.open(root.resolve(layout.name()), Json.defaultMapper());
            open.add(store);
            for (Map.Entry<String, ObjectNode> record : JsonLimitsTests.atTheLimits().entrySet()) {
                store.collection("c").put(record.getKey(), record.getValue());
                OUT.println("ACK " + layout + " " + record.getKey());
            }
            for (Object[] past : JsonLimitsTests.pastTheLimits().toList()) {
                try {
                    store.collection("c").put((String) past[0], past[1]);
                    OUT.println("ACK " + layout + " " + past[0]);
                } catch (InvalidRecordException refused) {
                    OUT.println("REFUSED " + layout + " " + past[0]);
                }
            }
            // a global value is logged when its transaction touches a logged collection
            store.runInTransaction(tx -> {
                store.setValue("big", JsonLimitsTests.atTheLimits().get("int-1000-digits"));
                store.collection("c").put("with-value", Map.of("tag", "v"));
            });
            OUT.println("ACK " + layout + " value");
        }
        OUT.println("DONE " + open.size());
        Thread.sleep(Long.MAX_VALUE);
    }
}
