package io.filestore;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.filestore.TestStores.json;

/**
 * The child process of {@link BackupCrashIntegrationTests}: writes {@value #RECORDS} records, then backs
 * the store up slowly (a pause after each file), printing {@code FILE n} as each file lands, until it is
 * killed.
 */
public final class BackupCrashChild {

    static final int RECORDS = 200;
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private BackupCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        FileStore store = FileStore.open(BackupTests.options(Path.of(args[0])));
        for (int i = 0; i < RECORDS; i++) {
            store.collection("users").put("u" + i, json("email", i + "@x.io", "group", i % 7));
            store.collection("orders").put("o" + i, json("userId", "u" + i));
        }
        store.setValue("written", RECORDS);
        store.backup(Path.of(args[1]), (done, total) -> {
            OUT.println("FILE " + done);
            sleep(20);
        });
        OUT.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
