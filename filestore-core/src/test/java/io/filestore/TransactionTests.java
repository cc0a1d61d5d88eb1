package io.filestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTests {

    @TempDir
    Path dir;

    @Test
    void aTransactionAcrossCollectionsCommitsEverything() {
        try (FileStore store = TestStores.open(dir)) {
            ChangeSet[] committed = new ChangeSet[1];
            store.onTransaction(changes -> committed[0] = changes);
            store.runInTransaction(tx -> {
                store.collection("users").put("u1", json("email", "a@x.io"));
                store.collection("orders").put("o1", json("userId", "u1", "status", "NEW"));
                store.setValue("lastOrder", "o1");
            });
            assertThat(store.collection("orders").findIds("userId", "u1")).containsExactly("o1");
            assertThat(committed[0].records()).extracting(RecordChange::id).containsExactly("u1", "o1");
            assertThat(committed[0].values()).extracting(ValueChange::key).containsExactly("lastOrder");
        }
    }

    @Test
    void anExceptionInTheBlockChangesNothing() {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("users").put("u1", json("email", "a@x.io", "username", "ann"));
            assertThatThrownBy(() -> store.runInTransaction(tx -> {
                store.collection("users").put("u2", json("email", "b@x.io"));
                store.collection("users").update("u1", json("username", "changed"));
                store.collection("orders").put("o1", json("userId", "u2"));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(store.collection("users").ids()).containsExactly("u1");
            assertThat(store.collection("users").findIds("username", "ann")).containsExactly("u1");
            assertThat(store.collection("orders").count()).isZero();
            assertThat(store.status().lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void aUniqueViolationChangesNothingAndNamesTheRecords() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            users.put("u1", json("email", "a@x.io"));
            assertThatThrownBy(() -> store.runInTransaction(tx -> {
                store.collection("orders").put("o1", json("userId", "u2"));
                users.put("u2", json("email", "a@x.io"));
            })).isInstanceOf(UniqueConstraintException.class)
                    .hasMessageContaining("users.email").hasMessageContaining("'u1'").hasMessageContaining("'u2'");
            assertThat(users.ids()).containsExactly("u1");
            assertThat(store.collection("orders").count()).isZero();

            assertThatThrownBy(() -> users.put("u3", json("email", "a@x.io"))).isInstanceOf(UniqueConstraintException.class);
            assertThat(users.findIds("email", "a@x.io")).containsExactly("u1");
        }
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("users").ids()).containsExactly("u1");
            assertThat(store.collection("orders").count()).isZero();
        }
    }

    @Test
    void twoRecordsMaySwapUniqueValuesInOneTransaction() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            users.put("u1", json("email", "a@x.io"));
            users.put("u2", json("email", "b@x.io"));
            store.runInTransaction(tx -> {
                users.put("u1", json("email", "b@x.io"));
                users.put("u2", json("email", "a@x.io"));
            });
            assertThat(users.findIds("email", "a@x.io")).containsExactly("u2");
            assertThat(users.findIds("email", "b@x.io")).containsExactly("u1");
        }
    }

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            orders.put("o1", json("status", "NEW", "total", 10));
            orders.put("o2", json("status", "NEW", "total", 20));
            store.runInTransaction(tx -> {
                orders.put("o3", json("status", "NEW", "total", 15));
                orders.update("o1", json("status", "PAID"));
                orders.delete("o2");
                assertThat(orders.get("o3")).isPresent();
                assertThat(orders.exists("o2")).isFalse();
                assertThat(orders.count()).isEqualTo(2);
                assertThat(orders.ids()).containsExactlyInAnyOrder("o1", "o3");
                assertThat(orders.findIds("status", "NEW")).containsExactly("o3");
                assertThat(orders.findIdsInRange("total", 0, true, 100, true)).containsExactly("o1", "o3");
                store.setValue("k", 1);
                assertThat(store.getValue("k")).isPresent();
                tx.setRollbackOnly();
            });
            assertThat(store.collection("orders").ids()).containsExactlyInAnyOrder("o1", "o2");
        }
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("orders").ids()).containsExactlyInAnyOrder("o1", "o2");
            assertThat(store.valueKeys()).isEmpty();
        }
    }

    @Test
    void anExplicitTransactionCommitsOrRollsBack() {
        try (FileStore store = TestStores.open(dir)) {
            Transaction tx = store.begin();
            store.collection("orders").put("o1", json("status", "NEW"));
            assertThat(store.currentTransaction()).contains(tx);
            tx.rollback();
            assertThat(store.collection("orders").exists("o1")).isFalse();

            try (Transaction second = store.begin()) {
                store.collection("orders").put("o2", json("status", "NEW"));
                assertThat(second.commit().records()).hasSize(1);
            }
            assertThat(store.collection("orders").exists("o2")).isTrue();
            assertThat(store.currentTransaction()).isEmpty();
        }
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndItsFailureRollsBackBoth() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            assertThatThrownBy(() -> store.runInTransaction(outer -> {
                orders.put("o1", json("status", "NEW"));
                try {
                    store.runInTransaction(inner -> {
                        orders.put("o2", json("status", "NEW"));
                        throw new IllegalArgumentException("inner");
                    });
                } catch (IllegalArgumentException swallowed) {
                    // the outer block goes on, but the transaction is now rollback-only
                }
            })).isInstanceOf(FileStoreException.class).hasMessageContaining("rollback-only");
            assertThat(orders.count()).isZero();
        }
    }

    @Test
    void concurrentReadersNeverSeeHalfATransaction() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            // invariant: exactly one order has status ACTIVE; every transaction moves it
            orders.put("o0", json("status", "ACTIVE"));
            for (int i = 1; i < 20; i++) {
                orders.put("o" + i, json("status", "IDLE"));
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<String> violations = new CopyOnWriteArrayList<>();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        List<String> active = orders.findIds("status", "ACTIVE");
                        if (active.size() != 1) {
                            violations.add("ACTIVE ids: " + active);
                        }
                        long[] activeSeen = {0};
                        orders.forEach((id, record) -> {
                            if (record.get("status").stringValue().equals("ACTIVE")) {
                                activeSeen[0]++;
                            }
                        });
                        if (activeSeen[0] != 1) {
                            violations.add("forEach saw " + activeSeen[0] + " ACTIVE");
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            for (int i = 1; i <= 2000; i++) {
                String from = "o" + ((i - 1) % 20);
                String to = "o" + (i % 20);
                store.runInTransaction(tx -> {
                    orders.update(from, json("status", "IDLE"));
                    orders.update(to, json("status", "ACTIVE"));
                });
            }
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(violations).isEmpty();
        }
    }
}
