package io.filestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

class ListenerTests {

    @TempDir
    Path dir;

    @Test
    void recordCollectionValueAndTransactionListenersHearCommittedChanges() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            List<String> heard = new ArrayList<>();
            orders.onRecord("o1", change -> heard.add("record " + change.type() + " " + change.after().map(a -> a.get("status").stringValue()).orElse("-")));
            orders.onChange(changes -> heard.add("collection " + changes.size()));
            store.onValue("counter", change -> heard.add("value " + change.after().orElseThrow()));
            store.onTransaction(changes -> heard.add("transaction " + changes.sequence()));

            store.runInTransaction(tx -> {
                orders.put("o1", json("status", "NEW"));
                orders.put("o2", json("status", "NEW"));
                store.setValue("counter", 1);
            });
            orders.update("o1", json("status", "PAID"));
            orders.delete("o1");
            orders.put("o2", json("status", "NEW")); // unchanged: no event

            assertThat(heard).containsExactly(
                    "transaction 1", "collection 2", "record CREATED NEW", "value 1",
                    "transaction 2", "collection 1", "record UPDATED PAID",
                    "transaction 3", "collection 1", "record DELETED -");
        }
    }

    @Test
    void aRolledBackTransactionIsNeverHeard() {
        try (FileStore store = TestStores.open(dir)) {
            List<ChangeSet> heard = new ArrayList<>();
            store.onTransaction(heard::add);
            try {
                store.runInTransaction(tx -> {
                    store.collection("orders").put("o1", json());
                    throw new IllegalStateException();
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void aThrowingListenerBreaksNeitherTheStoreNorOtherListeners() {
        try (FileStore store = TestStores.open(dir)) {
            List<String> heard = new ArrayList<>();
            store.onTransaction(changes -> {
                throw new IllegalStateException("listener bug");
            });
            store.onTransaction(changes -> heard.add("second"));
            store.collection("orders").put("o1", json());
            assertThat(heard).containsExactly("second");
            assertThat(store.collection("orders").exists("o1")).isTrue();
        }
    }

    @Test
    void listenersRunWithoutLocksSoTheyMayWriteAndUnsubscribe() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            DocumentCollection audit = store.collection("audit");
            Subscription subscription = orders.onChange(changes ->
                    changes.forEach(change -> audit.add(json("order", change.id(), "type", change.type().name()))));
            orders.put("o1", json("status", "NEW"));
            assertThat(audit.count()).isEqualTo(1);
            subscription.close();
            orders.put("o2", json("status", "NEW"));
            assertThat(audit.count()).isEqualTo(1);
        }
    }
}
