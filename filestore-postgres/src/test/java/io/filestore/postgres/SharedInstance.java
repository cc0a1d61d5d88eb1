package io.filestore.postgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.filestore.CollectionOptions;
import io.filestore.CommitOutcomeUnknownException;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.RecordChange;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One shared store instance in a child JVM, driven by lines on stdin and answering on stdout:
 * {@code watch} (print {@code seen <id> <micros>} for each other instance's write that carries an
 * {@code at} time), {@code put <id> [email-name]} (a user with {@code at} = now), {@code bank <millis> <accounts>}
 * (transfers until the time is up: {@code ack <id>} for each acknowledged one, {@code unknown <id>}
 * for an unknown outcome), {@code sequence}, {@code digest}, {@code quit}.
 */
public final class SharedInstance {

    private SharedInstance() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FileStore store = FileStore.open(FileStoreOptions.builder(Path.of(args[1]))
                .shared(PostgresSharedStorage.of(args[0], "postgres", null))
                .collection(CollectionOptions.builder("users").unique("email").build())
                .collection(CollectionOptions.builder("accounts").build())
                .collection(CollectionOptions.builder("transfers").build())
                .build());
        out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "watch" -> store.collection("users").onChange(changes -> changes.forEach(change -> seen(out, change)));
                case "put" -> out.println(put(store, words[1], words.length > 2 ? words[2] : words[1]));
                case "bank" -> bank(store, out, Long.parseLong(words[1]), Integer.parseInt(words[2]));
                case "sequence" -> out.println("sequence " + store.status().lastSequence());
                case "digest" -> out.println("digest " + Digests.ofStore(store, "accounts", "transfers", "users"));
                case "quit" -> {
                    store.close();
                    out.println("bye");
                    return;
                }
                default -> out.println("unknown command " + line);
            }
        }
    }

    private static void seen(PrintStream out, RecordChange change) {
        change.after().ifPresent(after -> {
            if (after.has("at")) {
                long micros = ChronoUnit.MICROS.between(Instant.parse(after.get("at").asString()), Instant.now());
                out.println("seen " + change.id() + " " + micros);
            }
        });
    }

    private static String put(FileStore store, String id, String emailName) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.put("email", emailName + "@x.io");
        user.put("at", Instant.now().toString());
        try {
            store.collection("users").put(id, user);
            return "ok";
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    /** Random transfers between the accounts until the time is up; each either acknowledged, refused or unknown. */
    private static void bank(FileStore store, PrintStream out, long millis, int accounts) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        while (System.nanoTime() < end) {
            String transfer = UUID.randomUUID().toString();
            try {
                transfer(store, transfer, accounts);
                out.println("ack " + transfer);
            } catch (CommitOutcomeUnknownException e) {
                out.println("unknown " + transfer);
            } catch (RuntimeException e) {
                Thread.sleep(20); // the database is restarting: refused, not committed
            }
        }
        out.println("bank-done");
    }

    private static void transfer(FileStore store, String transfer, int accounts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int first = random.nextInt(accounts);
        String from = "a" + first;
        String to = "a" + ((first + 1 + random.nextInt(accounts - 1)) % accounts); // never the same account
        int amount = 1 + random.nextInt(10);
        store.runInTransaction(tx -> {
            DocumentCollection accountsCollection = store.collection("accounts");
            ObjectNode source = accountsCollection.get(from).orElseThrow();
            ObjectNode target = accountsCollection.get(to).orElseThrow();
            source.put("balance", source.get("balance").asInt() - amount);
            target.put("balance", target.get("balance").asInt() + amount);
            accountsCollection.put(from, source);
            accountsCollection.put(to, target);
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            record.put("from", from);
            record.put("to", to);
            record.put("amount", amount);
            store.collection("transfers").put(transfer, record);
        });
    }
}
