package io.filestore;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.filestore.TestStores.json;

/**
 * The child process of {@link CrashLoopIntegrationTests}: writes from several threads until it is
 * killed, printing one line per acknowledged write ({@code U id}, {@code T id}, {@code B id millis})
 * and the start time of every completed flush ({@code F millis}).
 */
public final class CrashWriter {

    static final String READY = "READY";
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(150);
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private CrashWriter() {
    }

    /** The layouts the crash loop cycles through: every persisted strategy. */
    static final List<String> LAYOUTS = List.of("file-per-record", "single-file", "append-only", "compressed");

    static FileStoreOptions options(Path dir, String layout) {
        return FileStoreOptions.builder(dir).flushInterval(FLUSH_INTERVAL)
                .collection(layout(CollectionOptions.builder("users"), layout).unique("email").indexed("group").build())
                .collection(layout(CollectionOptions.builder("orders"), layout).wal(false).indexed("userId").build())
                .build();
    }

    private static CollectionOptions.Builder layout(CollectionOptions.Builder builder, String layout) {
        return switch (layout) {
            case "append-only" -> builder.strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true);
            default -> builder.strategy(Strategy.fromConfigName("layout", layout));
        };
    }

    public static void main(String[] args) throws Exception {
        String run = args[1];
        FileStore store = FileStore.open(options(Path.of(args[0]), args[2]));
        DocumentCollection users = store.collection("users");
        DocumentCollection orders = store.collection("orders");
        for (int t = 0; t < 6; t++) {
            String prefix = run + "-" + t + "-";
            Thread writer = new Thread(() -> {
                for (int n = 0; ; n++) {
                    int i = n;
                    String id = prefix + i;
                    users.put("u-" + id, json("email", "u-" + id + "@x.io", "group", i % 10));
                    print("U u-" + id);
                    store.runInTransaction(tx -> {
                        users.put("t-" + id, json("email", "t-" + id + "@x.io", "group", i % 10));
                        orders.put("t-" + id, json("userId", "t-" + id));
                    });
                    print("T t-" + id);
                    orders.put("b-" + id, json("userId", "u-" + id));
                    print("B b-" + id + " " + System.currentTimeMillis());
                    sleep(2);
                }
            });
            writer.setDaemon(true);
            writer.start();
        }
        print(READY);
        Instant reported = null;
        while (true) {
            StoreStatus status = store.status();
            if (status.lastFlushAt() != null && !status.lastFlushAt().equals(reported)) {
                reported = status.lastFlushAt();
                print("F " + reported.minus(status.lastFlushDuration()).toEpochMilli());
            }
            sleep(10);
        }
    }

    private static void print(String line) {
        synchronized (OUT) {
            OUT.println(line);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
