package io.filestore.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.IndexEntry;
import io.filestore.TestStores;
import io.filestore.relation.Relationship;
import io.filestore.relation.Relationships;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTests {

    @TempDir
    Path dir;

    private FileStore store;
    private Relationship userOfOrder;

    @BeforeEach
    void fill() {
        store = TestStores.open(dir);
        userOfOrder = Relationships.attach(store).define("userOfOrder", "orders", "userId", "users");
        store.collection("users").put("u1", json("email", "ada@x.io", "username", "ada"));
        store.collection("users").put("u2", json("email", "bob@x.io", "username", "bob"));
        store.collection("orders").put("o1", json("userId", "u1", "status", "paid", "total", 30, "note", "gift"));
        store.collection("orders").put("o2", json("userId", "u1", "status", "open", "total", 10));
        store.collection("orders").put("o3", json("userId", "u2", "status", "paid", "total", 20));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEqualityOnAnIndexedFieldIsAnIndexLookupAndNeverAScan() {
        Query query = Query.from(store, "orders").where(Where.eq("status", "paid"));
        Plan plan = query.explain();
        assertThat(plan.access()).isEqualTo(Plan.Access.INDEX_LOOKUP);
        assertThat(plan.candidates()).isEqualTo(2);
        assertThat(plan.toString()).startsWith("index lookup status = \"paid\" -> 2 candidate(s)");
        assertThat(query.run().ids()).containsExactly("o1", "o3");
        assertThat(query.count()).isEqualTo(2);
    }

    @Test
    void aConditionOnAnUnindexedFieldScansAndExplainSaysWhy() {
        Plan plan = Query.from(store, "orders").where(Where.eq("note", "gift")).explain();
        assertThat(plan.access()).isEqualTo(Plan.Access.FULL_SCAN);
        assertThat(plan.usesIndex()).isFalse();
        assertThat(plan.detail()).contains("no index answers note = \"gift\"");
    }

    @Test
    void anAndUsesItsMostSelectiveIndexedPartAndAnOrOfIndexedPartsIsAUnion() {
        Plan and = Query.from(store, "orders").where(Where.eq("userId", "u2").and(Where.gte("total", 0))).explain();
        assertThat(and.access()).isEqualTo(Plan.Access.INDEX_LOOKUP);
        assertThat(and.candidates()).isEqualTo(1);
        Plan or = Query.from(store, "orders").where(Where.eq("userId", "u2").or(Where.lt("total", 15))).explain();
        assertThat(or.access()).isEqualTo(Plan.Access.INDEX_UNION);
        assertThat(Query.from(store, "orders").where(Where.eq("userId", "u2").or(Where.lt("total", 15))).run().ids())
                .containsExactly("o2", "o3");
    }

    @Test
    void aRangeOrderedByItsFieldWithALimitReadsInIndexOrder() {
        Query query = Query.from(store, "orders").where(Where.gt("total", 5)).orderBy(Order.desc("total")).limit(2);
        assertThat(query.explain().indexOrdered()).isTrue();
        assertThat(query.explain().access()).isEqualTo(Plan.Access.INDEX_RANGE);
        assertThat(query.run().ids()).containsExactly("o1", "o3");
    }

    @Test
    void anOrderedRangeReadsMoreOfTheIndexWhenTheFirstReadEndsInsideARunOfTies() {
        store.runInTransaction(tx -> {
            for (int i = 0; i < 150; i++) {
                store.collection("orders").put(String.format("t%03d", i), json("total", i < 100 ? 1000 : 2000 + i));
            }
        });
        Query query = Query.from(store, "orders").where(Where.gte("total", 1000)).orderBy("total").offset(1).limit(3);
        assertThat(query.run().ids()).containsExactly("t001", "t002", "t003");
        assertThat(query.orderBy(Order.asc("total")).explain().indexOrdered()).isFalse();
        Query descending = Query.from(store, "orders").where(Where.lt("total", 2000)).orderBy(Order.desc("total")).limit(2);
        assertThat(descending.explain().detail()).contains("each a match");
        assertThat(descending.run().ids()).containsExactly("t000", "t001");

        store.collection("orders").put("t-two", json("total", List.of(1, 2))); // two keys: entries are no longer rows
        assertThat(descending.explain().detail()).contains("first 64 entries, more if needed");
        assertThat(descending.run().ids()).containsExactly("t000", "t001");
    }

    @Test
    void rangeEntriesOfAKeyComeInIdOrderSoASmallerLimitReadsAPrefixOfALargerOne() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(String.format("k%03d", (i * 7919) % 300));
        }
        store.runInTransaction(tx -> ids.forEach(id -> store.collection("orders").put(id, json("total", 7))));
        var orders = store.collection("orders");
        List<String> all = orders.findEntriesInRange("total", 7, true, 7, true, false, 1000).stream()
                .map(IndexEntry::rowId).toList();
        assertThat(all).hasSize(300).isSorted();
        for (int limit : new int[] {1, 10, 64, 299}) {
            assertThat(orders.findEntriesInRange("total", 7, true, 7, true, true, limit).stream()
                    .map(IndexEntry::rowId)).containsExactlyElementsOf(all.subList(0, limit));
        }
    }

    @Test
    void joinsAttachTheRelatedRecordsAndConditionsOnThemUseTheirIndex() {
        Query query = Query.from(store, "orders").join("user", userOfOrder)
                .where(Where.eq("user.email", "ada@x.io")).orderBy("total").select("id", "total", "user.username");
        assertThat(query.explain().access()).isEqualTo(Plan.Access.JOIN_INDEX);
        QueryResult result = query.run();
        assertThat(result.ids()).containsExactly("o2", "o1");
        assertThat(result.rows().get(0).toString()).isEqualTo("{\"id\":\"o2\",\"total\":10,\"user.username\":\"ada\"}");

        QueryResult users = Query.from(store, "users").join("orders", userOfOrder)
                .where(Where.eq("orders.status", "open")).select("username", "orders.total").run();
        assertThat(users.ids()).containsExactly("u1");
        assertThat(users.rows().get(0).get("orders.total")).hasSize(2);
    }

    @Test
    void groupsCountAndSumPerGroup() {
        QueryResult result = Query.from(store, "orders").groupBy("status")
                .aggregate("orders", Aggregation.count()).aggregate("revenue", Aggregation.sum("total"))
                .aggregate("average", Aggregation.avg("total")).orderBy("status").run();
        assertThat(result.rows().toString()).isEqualTo(
                "[{\"status\":\"open\",\"orders\":1,\"revenue\":10,\"average\":10}, "
                        + "{\"status\":\"paid\",\"orders\":2,\"revenue\":50,\"average\":25}]");
        assertThat(result.ids()).containsExactly("[\"open\"]", "[\"paid\"]");
    }

    @Test
    void aLiveQueryHearsOnlyTheCommitsThatChangeItsResult() {
        List<List<String>> heard = new CopyOnWriteArrayList<>();
        try (LiveQuery live = Query.from(store, "orders").where(Where.eq("status", "paid")).orderBy(Order.desc("total"))
                .observe(result -> heard.add(result.ids()))) {
            assertThat(live.current().ids()).containsExactly("o1", "o3");
            store.collection("users").put("u3", json("email", "c@x.io")); // another collection
            store.collection("orders").put("o4", json("status", "open", "total", 99)); // does not match
            store.collection("orders").update("o2", json("status", "paid"));
            store.collection("orders").delete("o1");
        }
        store.collection("orders").delete("o3"); // closed: not heard
        assertThat(heard).containsExactly(List.of("o1", "o3", "o2"), List.of("o3", "o2"));
    }

    @Test
    void aQueryInsideATransactionSeesTheTransactionsOwnWrites() {
        store.runInTransaction(tx -> {
            store.collection("orders").put("o9", json("status", "paid", "total", 1));
            assertThat(Query.from(store, "orders").where(Where.eq("status", "paid")).run().ids())
                    .containsExactly("o1", "o3", "o9");
            tx.setRollbackOnly();
        });
        assertThat(Query.from(store, "orders").where(Where.eq("status", "paid")).count()).isEqualTo(2);
    }

    @Test
    void isEmptyMatchesAnEmptyStringArrayOrObjectButNeverAMissingOrNullField() {
        DocumentCollection things = store.collection("things");
        things.put("text", json("v", ""));
        things.put("array", json("v", List.of()));
        things.put("object", json("v", java.util.Map.of()));
        things.put("blank", json("v", " "));
        things.put("full", json("v", List.of("")));
        things.put("nested", json("v", json("w", null)));
        things.put("null", json("v", null));
        things.put("missing", json("other", 1));
        Query empty = Query.from(store, "things").where(Where.isEmpty("v"));
        assertThat(empty.run().ids()).containsExactly("array", "object", "text");
        assertThat(empty.explain().toString()).contains("v is empty");
        assertThat(Query.from(store, "things").where(Where.not(Where.isEmpty("v"))).run().ids())
                .containsExactly("blank", "full", "missing", "nested", "null");
    }

    @Test
    void badQueriesAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> Where.range("total", null, true, null, true)).hasMessageContaining("at least one bound");
        assertThatThrownBy(() -> Where.between("total", 1, "z")).hasMessageContaining("of one type");
        assertThatThrownBy(() -> Query.from(store, "orders").limit(-1)).hasMessageContaining("limit");
        assertThatThrownBy(() -> Query.from(store, "users").join("x", userOfOrder).join("x", userOfOrder))
                .hasMessageContaining("joined already");
    }
}
