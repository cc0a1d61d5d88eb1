package io.filestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.query.Query;
import io.filestore.query.Where;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FileStore#beginReadOnly()}: every read of the transaction sees the store as it was when it
 * began, whatever other threads commit meanwhile, without holding them off; and every write on its
 * thread is refused.
 */
class ReadOnlyTransactionTests {

    @TempDir
    Path dir;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    @Test
    void everyReadOfAReadOnlyTransactionSeesTheStoreAsItWasWhenItBegan() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            DocumentCollection orders = store.collection("orders");
            users.put("u1", json("email", "a@x.io", "username", "ann"));
            users.put("u2", json("email", "b@x.io", "username", "bob"));
            orders.put("o1", json("userId", "u1", "status", "NEW", "total", 10));
            orders.put("o2", json("userId", "u2", "status", "NEW", "total", 20));
            store.setValue("counter", 1);
            Snapshot before = Snapshot.of(store);

            Transaction tx = store.beginReadOnly();
            assertThat(tx.isReadOnly()).isTrue();
            assertThat(store.currentTransaction()).containsSame(tx);
            assertThat(Snapshot.of(store)).isEqualTo(before);

            onOtherThread(() -> store.runInTransaction(t -> {
                users.update("u1", json("username", "anna"));
                users.delete("u2");
                users.put("u3", json("email", "c@x.io", "username", "cid"));
                orders.put("o1", json("userId", "u3", "status", "PAID", "total", 15));
                orders.delete("o2");
                store.setValue("counter", 2);
                store.setValue("fresh", true);
            }));
            onOtherThread(() -> orders.put("o3", json("userId", "u1", "status", "NEW", "total", 12)));
            onOtherThread(() -> users.update("u1", json("username", "annie")));

            assertThat(Snapshot.of(store)).isEqualTo(before);
            tx.commit();

            assertThat(store.currentTransaction()).isEmpty();
            Snapshot after = Snapshot.of(store);
            assertThat(after.userIds).containsExactlyInAnyOrder("u1", "u3");
            assertThat(after.u1).contains("annie");
            assertThat(after.newOrders).containsExactly("o3");
            assertThat(after.values).containsEntry("counter", "2").containsKey("fresh");
        }
    }

    @Test
    void aSnapshotStaysWholeWhileAnotherThreadCommitsWithoutPause() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            for (int i = 0; i < 20; i++) {
                orders.put("o" + i, json("userId", "u1", "status", "NEW", "total", 5));
            }
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int round = 0; !stop.get(); round++) {
                    int n = round;
                    store.runInTransaction(t -> {
                        // moves 1 from one order to another: the sum of the totals never changes
                        orders.update("o" + (n % 20), json("total", orders.get("o" + (n % 20)).orElseThrow().get("total").asInt() - 1));
                        orders.update("o" + ((n + 7) % 20), json("total", orders.get("o" + ((n + 7) % 20)).orElseThrow().get("total").asInt() + 1));
                    });
                }
            }, other);
            try {
                for (int i = 0; i < 50; i++) {
                    Transaction tx = store.beginReadOnly();
                    try {
                        Map<String, Integer> first = totals(orders);
                        assertThat(first.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
                        Thread.sleep(2); // the writer commits meanwhile
                        assertThat(totals(orders)).isEqualTo(first);
                        for (String id : first.keySet()) {
                            assertThat(orders.get(id).orElseThrow().get("total").asInt()).isEqualTo(first.get(id));
                        }
                        assertThat(orders.findEntriesInRange("total", null, true, null, true, false, 100))
                                .extracting(IndexEntry::rowId).containsExactlyInAnyOrderElementsOf(first.keySet());
                    } finally {
                        tx.rollback();
                    }
                }
            } finally {
                stop.set(true);
                writer.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aReadOnlyTransactionNeverHoldsWritersOff() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            Transaction tx = store.beginReadOnly();
            try {
                CompletableFuture<Void> write = CompletableFuture.runAsync(
                        () -> store.runInTransaction(t -> store.collection("users").put("u1", json("email", "a@x.io"))), other);
                write.get(5, TimeUnit.SECONDS);
                assertThat(store.collection("users").exists("u1")).isFalse();
            } finally {
                tx.rollback();
            }
            assertThat(store.collection("users").exists("u1")).isTrue();
        }
    }

    @Test
    void everyWriteInAReadOnlyTransactionIsRefusedAndChangesNothing() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            users.put("u1", json("email", "a@x.io", "username", "ann"));
            store.setValue("counter", 1);
            long sequence = store.status().lastSequence();

            Transaction tx = store.beginReadOnly();
            assertThatThrownBy(() -> users.put("u2", json("email", "b@x.io")))
                    .isInstanceOf(ReadOnlyTransactionException.class)
                    .hasMessageContaining("'u2'").hasMessageContaining("'users'").hasMessageContaining("read-only");
            assertThatThrownBy(() -> users.add(json("email", "c@x.io"))).isInstanceOf(ReadOnlyTransactionException.class);
            assertThatThrownBy(() -> users.update("u1", json("username", "x")))
                    .isInstanceOf(ReadOnlyTransactionException.class).hasMessageContaining("'u1'");
            assertThatThrownBy(() -> users.delete("u1")).isInstanceOf(ReadOnlyTransactionException.class);
            assertThatThrownBy(() -> store.setValue("counter", 2))
                    .isInstanceOf(ReadOnlyTransactionException.class).hasMessageContaining("'counter'");
            assertThatThrownBy(() -> store.deleteValue("counter")).isInstanceOf(ReadOnlyTransactionException.class);
            assertThatThrownBy(() -> store.runInTransaction(t -> users.put("u3", json("email", "d@x.io"))))
                    .isInstanceOf(ReadOnlyTransactionException.class);
            assertThatThrownBy(store::begin).isInstanceOf(IllegalStateException.class);
            assertThat(users.ids()).containsExactly("u1");
            tx.rollback();

            assertThat(users.ids()).containsExactly("u1");
            assertThat(users.get("u1").orElseThrow().get("username").asString()).isEqualTo("ann");
            assertThat(store.getValue("counter", Integer.class)).contains(1);
            assertThat(store.status().lastSequence()).isEqualTo(sequence);
            users.put("u2", json("email", "b@x.io")); // the thread writes again once it ended
            assertThat(users.ids()).containsExactlyInAnyOrder("u1", "u2");
        }
    }

    @Test
    void aReadOnlyTransactionEndsLikeAWriteTransaction() {
        try (FileStore store = TestStores.open(dir)) {
            Transaction tx = store.beginReadOnly();
            assertThat(tx.commit().isEmpty()).isTrue();
            assertThat(tx.isEnded()).isTrue();
            assertThat(store.currentTransaction()).isEmpty();

            Transaction marked = store.beginReadOnly();
            marked.setRollbackOnly();
            assertThatThrownBy(marked::commit).isInstanceOf(FileStoreException.class).hasMessageContaining("rollback-only");
            assertThat(store.currentTransaction()).isEmpty();

            try (Transaction write = store.begin()) {
                assertThat(write.isReadOnly()).isFalse();
                assertThatThrownBy(store::beginReadOnly).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void twoThreadsEachKeepTheirOwnSnapshot() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            users.put("u1", json("email", "a@x.io", "username", "v1"));
            Transaction first = store.beginReadOnly();
            CountDownLatch secondBegan = new CountDownLatch(1);
            CountDownLatch changedAgain = new CountDownLatch(1);
            AtomicReference<String> secondSaw = new AtomicReference<>();
            CompletableFuture.runAsync(() -> users.update("u1", json("username", "v2")), writer).get(5, TimeUnit.SECONDS);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                Transaction tx = store.beginReadOnly();
                try {
                    secondBegan.countDown();
                    await(changedAgain);
                    secondSaw.set(users.get("u1").orElseThrow().get("username").asString());
                } finally {
                    tx.rollback();
                }
            }, other);
            await(secondBegan);
            CompletableFuture.runAsync(() -> users.update("u1", json("username", "v3")), writer).get(5, TimeUnit.SECONDS);
            changedAgain.countDown();
            second.get(5, TimeUnit.SECONDS);
            assertThat(users.get("u1").orElseThrow().get("username").asString()).isEqualTo("v1");
            assertThat(users.findIds("username", "v1")).containsExactly("u1");
            assertThat(users.findIds("username", "v3")).isEmpty();
            assertThat(secondSaw).hasValue("v2");
            first.rollback();
            assertThat(users.findIds("username", "v3")).containsExactly("u1");
        } finally {
            writer.shutdownNow();
        }
    }

    private void onOtherThread(Runnable work) throws Exception {
        CompletableFuture.runAsync(work, other).get(5, TimeUnit.SECONDS);
    }

    private static Map<String, Integer> totals(DocumentCollection orders) {
        Map<String, Integer> totals = new TreeMap<>();
        orders.forEach((id, order) -> totals.put(id, order.get("total").asInt()));
        return totals;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything a reader can ask the test collections, in comparable form. */
    private record Snapshot(List<String> userIds, int userCount, String u1, boolean u2Exists, List<String> annByUsername,
                            List<String> emails, List<String> newOrders, List<String> ordersOfU1, List<String> totals,
                            List<String> queried, long queryCount, TreeMap<String, String> values) {

        static Snapshot of(FileStore store) {
            DocumentCollection users = store.collection("users");
            DocumentCollection orders = store.collection("orders");
            List<String> emails = new ArrayList<>();
            users.forEach((id, user) -> emails.add(id + "=" + user.get("email").asString()));
            emails.sort(null);
            TreeMap<String, String> values = new TreeMap<>();
            store.valueKeys().forEach(key -> values.put(key, store.getValue(key).orElseThrow().toString()));
            return new Snapshot(users.ids().stream().sorted().toList(), users.count(),
                    users.getJson("u1").orElse(null), users.exists("u2"), users.findIds("username", "ann"), emails,
                    orders.findIds("status", "NEW").stream().sorted().toList(),
                    orders.find("userId", "u1").stream().map(Object::toString).sorted().toList(),
                    orders.findEntriesInRange("total", 0, true, 100, true, false, 100).stream()
                            .map(IndexEntry::toString).toList(),
                    Query.from(store, "orders").where(Where.eq("status", "NEW")).orderBy("total").run().ids(),
                    Query.from(store, "orders").where(Where.gte("total", 0)).count(), values);
        }
    }
}
