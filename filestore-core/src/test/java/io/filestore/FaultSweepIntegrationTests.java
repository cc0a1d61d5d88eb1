package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import io.filestore.internal.persist.FlushJournal;
import tools.jackson.databind.node.ObjectNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one open / write / flush / checkpoint / close cycle on a {@link SimulatedDisk} with a fault
 * planted at every possible point in turn, then reopens and checks the invariants of docs/reliability.md:
 * every acknowledged write-ahead-logged write is there, no transaction is half-applied, batched writes
 * acknowledged before a completed flush are there, indexes agree with the records, and no temp file or
 * journal is left.
 */
class FaultSweepIntegrationTests {

    private static final Path DATA = Path.of("/simulated/data");
    private static final int TRANSACTIONS = 10;

    @Test
    void powerLossAtEverySyncKeepsEveryAcknowledgedWrite() {
        int syncs = cleanRun().syncs();
        assertThat(syncs).isGreaterThan(30);
        for (int n = 1; n <= syncs; n++) {
            SimulatedDisk disk = new SimulatedDisk().losePowerAtSync(n);
            Acks acks = scenario(disk); // a run may sync a little less than the clean one (segment rolls vary)
            verify(disk.afterPowerLoss(), acks, "power loss at sync " + n);
        }
    }

    @Test
    void aTransientFailureOfAnyOperationLosesNoAcknowledgedWrite() {
        sweepOperations((disk, n) -> disk.failAt(n, false), "transient failure");
    }

    @Test
    void aPersistentFailureFromAnyOperationOnLosesNoAcknowledgedWrite() {
        sweepOperations((disk, n) -> disk.failAt(n, true), "persistent failure");
    }

    @Test
    void aTornWriteAtAnyOperationIsNeverReadBackAsValid() {
        sweepOperations((disk, n) -> disk.tearWriteAt(n, 7), "torn write");
    }

    /** Plants the fault at operation 1, 2, ... of the clean run's count, and checks each outcome twice. */
    private void sweepOperations(BiConsumer<SimulatedDisk, Integer> plant, String what) {
        int operations = cleanRun().operations();
        for (int n = 1; n <= operations; n++) {
            SimulatedDisk disk = new SimulatedDisk();
            plant.accept(disk, n);
            Acks acks = scenario(disk);
            disk.heal();
            verify(disk, acks, what + " at operation " + n + " then restart");
            verify(disk.afterPowerLoss(), acks, what + " at operation " + n + " then power loss");
        }
    }

    private SimulatedDisk cleanRun() {
        SimulatedDisk disk = new SimulatedDisk();
        Acks acks = scenario(disk);
        assertThat(acks.logged).hasSize(TRANSACTIONS);
        verify(disk, acks, "clean run");
        return disk;
    }

    /** What the scenario saw acknowledged. */
    private static final class Acks {
        /** Per record ("users/u1"), its states in write order (null = absent) and which were acknowledged. */
        final Map<String, List<Integer>> states = new HashMap<>();
        final Map<String, Integer> lastAcked = new HashMap<>();
        final Set<Integer> logged = new TreeSet<>();
        final List<Integer> batched = new ArrayList<>();
        final Set<Integer> batchedDurable = new TreeSet<>();

        void wrote(String record, Integer state, boolean acked) {
            List<Integer> list = states.computeIfAbsent(record, r -> new ArrayList<>(Collections.singletonList(null)));
            list.add(state);
            if (acked) {
                lastAcked.put(record, list.size() - 1);
            }
        }

        /** The states a record may be found in: its last acknowledged one or any written after it. */
        List<Integer> allowed(String record) {
            List<Integer> list = states.getOrDefault(record, Collections.singletonList(null));
            return list.subList(lastAcked.getOrDefault(record, 0), list.size());
        }
    }

    private static FileStoreOptions options(SimulatedDisk disk) {
        return FileStoreOptions.builder(DATA).storageIO(disk).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").unique("email").indexed("n").build())
                .collection(CollectionOptions.builder("orders").wal(false).indexed("userId", "n").build())
                .build();
    }

    /** Writes logged transactions across a logged and a batched collection, batched writes, two flushes, a close. */
    private static Acks scenario(SimulatedDisk disk) {
        Acks acks = new Acks();
        FileStore store;
        try {
            store = FileStore.open(options(disk));
        } catch (FileStoreException failedToOpen) {
            return acks;
        }
        try {
            for (int i = 1; i <= TRANSACTIONS; i++) {
                int n = i;
                boolean ok = attempt(() -> store.runInTransaction(tx -> {
                    store.collection("users").put("u" + n, json("email", "u" + n + "@x.io", "n", n));
                    store.collection("orders").put("o" + n, json("userId", "u" + n, "n", n));
                }));
                acks.wrote("users/u" + n, n, ok);
                acks.wrote("orders/o" + n, n, ok);
                if (ok) {
                    acks.logged.add(n);
                }
                if (attempt(() -> store.collection("orders").put("b" + n, json("n", n)))) {
                    acks.batched.add(n);
                }
                if (n == 4) {
                    boolean updated = attempt(() -> store.runInTransaction(tx -> {
                        store.collection("users").update("u3", json("n", 300));
                        store.collection("orders").update("o3", json("n", 300));
                    }));
                    acks.wrote("users/u3", 300, updated);
                    acks.wrote("orders/o3", 300, updated);
                }
                if (n == 6) {
                    boolean deleted = attempt(() -> store.runInTransaction(tx -> {
                        store.collection("users").delete("u2");
                        store.collection("orders").delete("o2");
                    }));
                    acks.wrote("users/u2", null, deleted);
                    acks.wrote("orders/o2", null, deleted);
                }
                if (n == 3 || n == 7) {
                    List<Integer> before = List.copyOf(acks.batched);
                    if (attempt(store::flush)) {
                        acks.batchedDurable.addAll(before);
                    }
                }
            }
        } finally {
            List<Integer> before = List.copyOf(acks.batched);
            if (attempt(store::close)) {
                acks.batchedDurable.addAll(before);
            }
        }
        return acks;
    }

    private static boolean attempt(Runnable write) {
        try {
            write.run();
            return true;
        } catch (FileStoreException failed) {
            return false;
        }
    }

    private static void verify(SimulatedDisk disk, Acks acks, String when) {
        for (int round = 1; round <= 2; round++) { // the second open replays nothing new: recovery is idempotent
            try (FileStore store = FileStore.open(options(disk))) {
                DocumentCollection users = store.collection("users");
                DocumentCollection orders = store.collection("orders");
                for (int i = 1; i <= TRANSACTIONS; i++) {
                    Integer user = state(users, "u" + i);
                    Integer order = state(orders, "o" + i);
                    assertThat(user).as("%s: users/u%d", when, i).isIn(acks.allowed("users/u" + i));
                    assertThat(order).as("%s: transaction %d half-applied (user %s, order %s)", when, i, user, order)
                            .isEqualTo(user);
                    if (acks.batchedDurable.contains(i)) {
                        assertThat(orders.exists("b" + i)).as("%s: batched b%d was flushed", when, i).isTrue();
                    }
                }
                assertIndexesAgree(users, "n", when);
                assertIndexesAgree(orders, "n", when);
                users.forEach((id, user) -> assertThat(users.findIds("email", user.get("email").stringValue()))
                        .as("%s: email index", when).containsExactly(id));
            }
            assertThat(disk.allFiles()).as("%s: leftovers", when)
                    .noneMatch(file -> file.toString().endsWith(".tmp"))
                    .doesNotContain(DATA.resolve(FlushJournal.FILE_NAME));
        }
    }

    private static Integer state(DocumentCollection collection, String id) {
        Optional<ObjectNode> record = collection.get(id);
        return record.map(r -> r.get("n").intValue()).orElse(null);
    }

    private static void assertIndexesAgree(DocumentCollection collection, String field, String when) {
        Map<Integer, List<String>> expected = new HashMap<>();
        collection.forEach((id, record) -> expected.computeIfAbsent(record.get(field).intValue(), k -> new ArrayList<>()).add(id));
        List<String> all = collection.findIdsInRange(field, null, true, null, true);
        assertThat(all).as("%s: %s index size", when, collection.name()).hasSize(collection.count());
        expected.forEach((key, ids) -> assertThat(collection.findIds(field, key))
                .as("%s: %s.%s = %s", when, collection.name(), field, key).containsExactlyInAnyOrderElementsOf(ids));
        assertThat(Objects.requireNonNull(all)).doesNotHaveDuplicates();
    }
}
