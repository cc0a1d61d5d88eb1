package io.filestore.relation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.ReferentialIntegrityException;
import tools.jackson.databind.JsonNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelationshipsTests {

    @TempDir
    Path dir;

    private FileStore open() {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").build())
                .collection(CollectionOptions.builder("orders").indexed("userId").build())
                .collection(CollectionOptions.builder("groups").build())
                .collection(CollectionOptions.builder("memberships").indexed("userId", "groupId").build())
                .collection(CollectionOptions.builder("posts").indexed("tagIds").build())
                .collection(CollectionOptions.builder("tags").build())
                .collection(CollectionOptions.builder("steps").indexed("next").build())
                .build());
    }

    @Test
    void findsTheRemoteIdOfALocalRecordAndTheLocalIdsOfARemoteRecord() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            Relationship userOfOrder = relationships.define("userOfOrder", "orders", "userId", "users");
            store.collection("users").put("u1", json("name", "Ada"));
            store.collection("orders").put("o1", json("userId", "u1"));
            store.collection("orders").put("o2", json("userId", "u1"));
            store.collection("orders").put("o3", json("userId", "u2"));
            store.collection("orders").put("o4", json("total", 3));

            assertThat(userOfOrder.remoteId("o1")).contains("u1");
            assertThat(userOfOrder.remoteId("o4")).isEmpty();
            assertThat(userOfOrder.remoteId("missing")).isEmpty();
            assertThat(userOfOrder.localIds("u1")).containsExactlyInAnyOrder("o1", "o2");
            assertThat(userOfOrder.localIds("nobody")).isEmpty();
        }
    }

    @Test
    void refusesARelationshipOnAnUnindexedField() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            assertThatThrownBy(() -> relationships.define("bad", "users", "managerId", "users"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs an index on users.managerId")
                    .hasMessageContaining("filestore.collections.users.indexed");
        }
    }

    @Test
    void refusingDeletePolicyRefusesTheWholeTransactionAndChangesNothing() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            relationships.define("userOfOrder", "orders", "userId", "users", OnDelete.REFUSE);
            store.collection("users").put("u1", json("name", "Ada"));
            store.collection("orders").put("o1", json("userId", "u1"));

            assertThatThrownBy(() -> store.runInTransaction(tx -> {
                store.collection("users").put("u2", json("name", "Bob"));
                store.collection("users").delete("u1");
            })).isInstanceOf(ReferentialIntegrityException.class)
                    .hasMessageContaining("Cannot delete users/'u1'")
                    .hasMessageContaining("orders.userId")
                    .hasMessageContaining("o1");
            assertThat(store.collection("users").ids()).containsExactly("u1");

            // deleting the referrers in the same transaction is allowed
            store.runInTransaction(tx -> {
                store.collection("orders").delete("o1");
                store.collection("users").delete("u1");
            });
            assertThat(store.collection("users").count()).isZero();
        }
    }

    @Test
    void repointingTheReferrersInTheSameTransactionLetsARefusedDeleteThrough() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            relationships.define("userOfOrder", "orders", "userId", "users", OnDelete.REFUSE);
            store.collection("users").put("u1", json());
            store.collection("users").put("u2", json());
            store.collection("orders").put("o1", json("userId", "u1"));
            store.runInTransaction(tx -> {
                store.collection("orders").put("o1", json("userId", "u2"));
                store.collection("users").delete("u1");
            });
            assertThat(store.collection("users").ids()).containsExactly("u2");
        }
    }

    @Test
    void cascadingDeletePolicyDeletesTheReferrersAndWhatRefersToThem() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            relationships.define("userOfOrder", "orders", "userId", "users", OnDelete.CASCADE);
            Relationship list = relationships.defineLinkedList("nextStep", "steps", "next", OnDelete.CASCADE);
            store.collection("users").put("u1", json());
            store.collection("orders").put("o1", json("userId", "u1"));
            store.collection("orders").put("o2", json("userId", "u1"));
            store.collection("orders").put("o3", json("userId", "u2"));
            store.collection("steps").put("a", json("next", "b"));
            store.collection("steps").put("b", json("next", "c"));
            store.collection("steps").put("c", json());

            List<String> deleted = new CopyOnWriteArrayList<>();
            store.onTransaction(changes -> changes.records().forEach(c -> deleted.add(c.collection() + "/" + c.id())));
            store.collection("users").delete("u1");
            assertThat(store.collection("orders").ids()).containsExactly("o3");
            assertThat(deleted).containsExactlyInAnyOrder("users/u1", "orders/o1", "orders/o2");

            assertThat(list.linkedIds("a")).containsExactly("a", "b", "c");
            store.collection("steps").delete("c");
            assertThat(store.collection("steps").count()).isZero();
        }
    }

    @Test
    void nothingDeletePolicyLeavesDanglingReferences() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            Relationship userOfOrder = relationships.define("userOfOrder", "orders", "userId", "users");
            store.collection("users").put("u1", json());
            store.collection("orders").put("o1", json("userId", "u1"));
            store.collection("users").delete("u1");
            assertThat(userOfOrder.remoteId("o1")).contains("u1");
            assertThat(userOfOrder.localIds("u1")).containsExactly("o1");
        }
    }

    @Test
    void linkedListsStopAtTheEndAMissingRecordOrACycle() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            Relationship list = relationships.defineLinkedList("nextStep", "steps", "next", OnDelete.NOTHING);
            store.collection("steps").put("a", json("next", "b"));
            store.collection("steps").put("b", json("next", "a"));
            store.collection("steps").put("x", json("next", "gone"));
            assertThat(list.linkedIds("a")).containsExactly("a", "b");
            assertThat(list.linkedIds("x")).containsExactly("x");
            assertThat(list.linkedIds("gone")).isEmpty();
            assertThatThrownBy(() -> relationships.define("userOfOrder", "orders", "userId", "users").linkedIds("o1"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void localIdsListenersHearTheNewIdsWhenTheyChange() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            Relationship userOfOrder = relationships.define("userOfOrder", "orders", "userId", "users");
            List<Set<String>> heard = new CopyOnWriteArrayList<>();
            userOfOrder.onLocalIds("u1", (remote, ids) -> heard.add(new TreeSet<>(ids)));

            store.collection("orders").put("o1", json("userId", "u1"));
            store.collection("orders").put("o2", json("userId", "u2"));       // another user: not heard
            store.collection("orders").put("o1", json("userId", "u1", "total", 5)); // same ids: not heard
            store.collection("orders").put("o3", json("userId", "u1"));
            store.collection("orders").put("o1", json("userId", "u2"));       // moved away
            store.collection("orders").delete("o3");

            assertThat(heard).containsExactly(Set.of("o1"), Set.of("o1", "o3"), Set.of("o3"), Set.of());
        }
    }

    @Test
    void manyToManyThroughAJoinCollectionIsNavigableFromBothSides() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            ManyToManyRelationship membership = relationships.defineManyToMany("membership", "users", "groups", "memberships",
                    "userId", "groupId", OnDelete.CASCADE);
            assertThat(membership.link("u1", "g1")).isTrue();
            assertThat(membership.link("u1", "g1")).isFalse();
            membership.link("u1", "g2");
            membership.link("u2", "g1");
            store.collection("users").put("u1", json());
            store.collection("groups").put("g1", json());

            assertThat(membership.remoteIds("u1")).containsExactlyInAnyOrder("g1", "g2");
            assertThat(membership.localIds("g1")).containsExactlyInAnyOrder("u1", "u2");
            assertThat(store.collection("memberships").count()).isEqualTo(3);

            assertThat(membership.unlink("u2", "g1")).isTrue();
            assertThat(membership.unlink("u2", "g1")).isFalse();
            store.collection("groups").delete("g1"); // cascade removes the links, not the users
            assertThat(membership.remoteIds("u1")).containsExactly("g2");
            assertThat(store.collection("users").exists("u1")).isTrue();
            assertThat(store.collection("memberships").count()).isEqualTo(1);
        }
    }

    @Test
    void manyToManyThroughAnIdArrayIsNavigableFromBothSidesAndCascadesIntoTheArrays() {
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            ManyToManyRelationship tagging = relationships.defineIdArray("tagging", "posts", "tagIds", "tags", OnDelete.CASCADE);
            store.collection("posts").put("p1", json("title", "Hello"));
            store.collection("posts").put("p2", json("title", "World", "tagIds", List.of("t2")));
            store.collection("tags").put("t1", json());
            tagging.link("p1", "t1");
            tagging.link("p1", "t2");
            assertThat(tagging.link("p1", "t2")).isFalse();

            assertThat(tagging.remoteIds("p1")).containsExactly("t1", "t2");
            assertThat(tagging.localIds("t2")).containsExactlyInAnyOrder("p1", "p2");
            assertThat(store.collection("posts").get("p1").orElseThrow().get("title").stringValue()).isEqualTo("Hello");

            store.collection("tags").put("t2", json());
            store.collection("tags").delete("t2");
            assertThat(tagging.localIds("t2")).isEmpty();
            assertThat(tagging.remoteIds("p2")).isEmpty();
            assertThatThrownBy(() -> tagging.link("nope", "t1")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void randomWritesKeepEveryRelationshipEqualToABruteForceScanIncludingAfterReopen() {
        Random random = new Random(42);
        for (int round = 0; round < 2; round++) {
            try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
                Relationship userOfOrder = relationships.define("userOfOrder", "orders", "userId", "users");
                ManyToManyRelationship membership = relationships.defineManyToMany("membership", "users", "groups", "memberships",
                        "userId", "groupId", OnDelete.NOTHING);
                ManyToManyRelationship tagging = relationships.defineIdArray("tagging", "posts", "tagIds", "tags", OnDelete.NOTHING);
                for (int i = 0; i < 400; i++) {
                    randomWrite(store, membership, tagging, random);
                    if (i % 50 == 0) {
                        assertMatchesBruteForce(store, userOfOrder, membership, tagging);
                    }
                }
                assertMatchesBruteForce(store, userOfOrder, membership, tagging);
            }
        }
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            assertMatchesBruteForce(store, relationships.define("userOfOrder", "orders", "userId", "users"),
                    relationships.defineManyToMany("membership", "users", "groups", "memberships", "userId", "groupId",
                            OnDelete.NOTHING),
                    relationships.defineIdArray("tagging", "posts", "tagIds", "tags", OnDelete.NOTHING));
        }
    }

    private static void randomWrite(FileStore store, ManyToManyRelationship membership, ManyToManyRelationship tagging, Random random) {
        String user = "u" + random.nextInt(10);
        String group = "g" + random.nextInt(5);
        String order = "o" + random.nextInt(40);
        String post = "p" + random.nextInt(15);
        switch (random.nextInt(7)) {
            case 0, 1 -> store.collection("orders").put(order, random.nextInt(5) == 0 ? json("total", 1) : json("userId", user));
            case 2 -> store.collection("orders").delete(order);
            case 3 -> membership.link(user, group);
            case 4 -> membership.unlink(user, group);
            case 5 -> {
                store.collection("posts").put(post, json("title", post));
                tagging.link(post, "t" + random.nextInt(6));
            }
            default -> tagging.unlink(post, "t" + random.nextInt(6));
        }
    }

    private static void assertMatchesBruteForce(FileStore store, Relationship userOfOrder, ManyToManyRelationship membership,
                                                ManyToManyRelationship tagging) {
        for (int u = 0; u < 10; u++) {
            String user = "u" + u;
            Set<String> expected = new TreeSet<>();
            store.collection("orders").forEach((id, order) -> {
                if (order.has("userId") && order.get("userId").stringValue().equals(user)) {
                    expected.add(id);
                }
            });
            assertThat(new TreeSet<>(userOfOrder.localIds(user))).isEqualTo(expected);
            Set<String> groups = new TreeSet<>();
            store.collection("memberships").forEach((id, link) -> {
                if (link.get("userId").stringValue().equals(user)) {
                    groups.add(link.get("groupId").stringValue());
                }
            });
            assertThat(new TreeSet<>(membership.remoteIds(user))).isEqualTo(groups);
        }
        store.collection("orders").forEach((id, order) -> assertThat(userOfOrder.remoteId(id).orElse(null))
                .isEqualTo(order.has("userId") ? order.get("userId").stringValue() : null));
        for (int t = 0; t < 6; t++) {
            String tag = "t" + t;
            Set<String> posts = new TreeSet<>();
            store.collection("posts").forEach((id, post) -> {
                List<String> tags = new ArrayList<>();
                JsonNode array = post.get("tagIds");
                if (array != null) {
                    array.forEach(element -> tags.add(element.stringValue()));
                }
                if (tags.contains(tag)) {
                    posts.add(id);
                }
            });
            assertThat(new TreeSet<>(tagging.localIds(tag))).isEqualTo(posts);
        }
    }
}
