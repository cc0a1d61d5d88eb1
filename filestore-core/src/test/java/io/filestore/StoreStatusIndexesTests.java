package io.filestore;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link StoreStatus#indexes()} tells an operator about each collection's indexes. */
class StoreStatusIndexesTests {

    @TempDir
    Path dir;

    @Test
    void statusListsEachIndexWithItsUniquenessAndDistinctKeys() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            orders.put("o1", json("userId", "u1", "status", "NEW", "total", 10));
            orders.put("o2", json("userId", "u1", "status", "PAID", "total", 20));
            orders.put("o3", json("userId", "u2", "status", "PAID", "total", 30));
            store.collection("users").put("u1", json("email", "a@x.io", "username", "ann"));

            StoreStatus status = store.status();

            assertThat(status.indexes().get("orders")).containsExactly(new IndexStatus("userId", false, 2),
                    new IndexStatus("status", false, 2), new IndexStatus("total", false, 3));
            assertThat(status.indexes().get("users")).containsExactlyInAnyOrder(new IndexStatus("email", true, 1),
                    new IndexStatus("username", false, 1), new IndexStatus("address.city", false, 0));
        }
    }

    @Test
    void aKeyLeavesTheCountWhenItsLastRecordIsDeleted() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            orders.put("o1", json("userId", "u1", "status", "NEW"));
            orders.put("o2", json("userId", "u2", "status", "NEW"));
            orders.delete("o2");

            assertThat(store.status().indexes().get("orders")).extracting(IndexStatus::keys).containsExactly(1, 1, 0);
        }
    }

    @Test
    void aCollectionWithoutIndexesHasAnEmptyList() {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("notes").put("n1", json("text", "hi"));

            assertThat(store.status().indexes()).containsEntry("notes", List.of());
        }
    }
}
