package io.filestore.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.TestStores;
import tools.jackson.databind.JsonNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of every record sorted by an indexed field is read from the index in order, only as far as
 * the page, while every record has one key there; otherwise the query takes the general path, with the
 * same answer.
 */
class OrderedPageTests {

    @TempDir
    Path dir;

    private static List<String> byUsername(DocumentCollection users, boolean ascending) {
        List<String> ids = new ArrayList<>(users.ids());
        Comparator<String> order = Comparator.comparing(id -> smallest(users.get(id).orElseThrow().get("username")));
        ids.sort((ascending ? order : order.reversed()).thenComparing(Comparator.naturalOrder()));
        return ids;
    }

    /** The node's string, or an array's smallest (the key an ascending sort uses). */
    private static String smallest(JsonNode username) {
        if (!username.isArray()) {
            return username.stringValue();
        }
        List<String> values = new ArrayList<>();
        username.forEach(value -> values.add(value.stringValue()));
        return values.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    private static void fill(FileStore store, int count) {
        Random random = new Random(5);
        DocumentCollection users = store.collection("users");
        for (int i = 0; i < count; i++) {
            users.put("u" + i, json("email", i + "@x.io", "username", "n" + random.nextInt(count / 3)));
        }
    }

    @Test
    void pagesOfEveryRecordComeFromTheIndexInOrderWithTiesById() {
        try (FileStore store = TestStores.open(dir)) {
            fill(store, 600);
            DocumentCollection users = store.collection("users");
            for (boolean ascending : new boolean[] {true, false}) {
                List<String> expected = byUsername(users, ascending);
                for (int offset : new int[] {0, 1, 20, 299, 590, 600, 700}) {
                    Query page = Query.from(store, "users").orderBy(new Order("username", ascending)).offset(offset).limit(20);

                    assertThat(page.explain().access()).isEqualTo(Plan.Access.INDEX_ORDER);
                    assertThat(page.run().ids()).as("offset %d %s", offset, ascending ? "asc" : "desc")
                            .isEqualTo(expected.subList(Math.min(offset, 600), Math.min(offset + 20, 600)));
                }
            }
            assertThat(Query.from(store, "users").orderBy(Order.asc("username")).limit(5).count()).isEqualTo(600);
        }
    }

    @Test
    void aRecordWithoutTheFieldOrWithSeveralValuesTurnsThePageBackToASortUntilItIsGone() {
        try (FileStore store = TestStores.open(dir)) {
            fill(store, 90);
            DocumentCollection users = store.collection("users");
            Query first = Query.from(store, "users").orderBy(Order.asc("username")).limit(3);
            Query last = Query.from(store, "users").orderBy(Order.desc("username")).limit(3);

            users.put("zz-none", json("email", "none@x.io"));
            assertThat(first.explain().access()).isEqualTo(Plan.Access.FULL_SCAN);
            assertThat(last.run().ids()).first().as("missing is largest").isEqualTo("zz-none");
            assertThat(first.run().ids()).doesNotContain("zz-none");

            users.delete("zz-none");
            users.put("two", json("email", "two@x.io", "username", List.of("a0", "zzz")));
            assertThat(first.explain().access()).isNotEqualTo(Plan.Access.INDEX_ORDER);
            assertThat(first.run().ids()).first().isEqualTo("two");
            assertThat(last.run().ids()).first().isEqualTo("two");

            users.put("two", json("email", "two@x.io", "username", "a0"));
            assertThat(first.explain().access()).isEqualTo(Plan.Access.INDEX_ORDER);
            assertThat(first.run().ids()).first().isEqualTo("two");
        }
    }

    @Test
    void aTransactionSeesItsOwnWritesInThePage() {
        try (FileStore store = TestStores.open(dir)) {
            fill(store, 90);
            DocumentCollection users = store.collection("users");
            Query last = Query.from(store, "users").orderBy(Order.desc("username")).limit(2);
            Query first = Query.from(store, "users").orderBy(Order.asc("username")).limit(2);

            store.runInTransaction(tx -> {
                users.put("first", json("email", "f@x.io", "username", "a"));
                assertThat(first.explain().access()).isEqualTo(Plan.Access.INDEX_ORDER);
                assertThat(first.run().ids()).first().isEqualTo("first");
                assertThat(Query.from(store, "users").orderBy(Order.desc("username")).offset(3).limit(4).run().ids())
                        .as("a deeper page in the transaction").isEqualTo(byUsername(users, false).subList(3, 7));
                users.put("none", json("email", "none@x.io"));
                assertThat(first.explain().access()).isNotEqualTo(Plan.Access.INDEX_ORDER);
                assertThat(last.run().ids()).first().isEqualTo("none");
                tx.rollback();
            });
            assertThat(first.run().ids()).doesNotContain("first");
            assertThat(first.explain().access()).isEqualTo(Plan.Access.INDEX_ORDER);
        }
    }

    @Test
    void theCountOfRecordsWithOneKeySurvivesAReopenWhateverTheirArrays() {
        try (FileStore store = TestStores.open(dir)) {
            fill(store, 30);
            store.collection("users").put("dup", json("email", "dup@x.io", "username", List.of("b", "b")));
            assertThat(store.collection("users").hasOneKeyPerRecord("username")).isTrue();
            store.collection("users").put("pair", json("email", "pair@x.io", "username", List.of("b", "c")));
            assertThat(store.collection("users").hasOneKeyPerRecord("username")).isFalse();
        }
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            assertThat(users.hasOneKeyPerRecord("username")).isFalse();
            users.delete("pair");
            assertThat(users.hasOneKeyPerRecord("username")).isTrue();
            assertThat(users.hasOneKeyPerRecord("email")).isTrue();
            assertThat(Query.from(store, "users").orderBy(Order.asc("username")).limit(40).run().ids())
                    .isEqualTo(byUsername(users, true).subList(0, 31));
        }
    }

    @Test
    void aPageSortedByUnindexedFieldsIsThePageOfTheWholeSort() {
        try (FileStore store = TestStores.open(dir)) {
            Random random = new Random(9);
            DocumentCollection users = store.collection("users");
            for (int i = 0; i < 300; i++) {
                var user = json("email", i + "@x.io", "score", random.nextInt(40));
                if (random.nextInt(10) != 0) {
                    user.putObject("stats").put("visits", random.nextInt(20));
                }
                users.put("u" + i, user);
            }
            for (Order[] orders : List.of(new Order[] {Order.desc("score")},
                    new Order[] {Order.asc("stats.visits"), Order.desc("score")}, new Order[] {Order.desc("id")})) {
                List<String> all = Query.from(store, "users").orderBy(orders).run().ids();
                for (int offset : new int[] {0, 7, 295, 400}) {
                    Query page = Query.from(store, "users").orderBy(orders).offset(offset).limit(10);

                    assertThat(page.run().ids()).as("%s offset %d", List.of(orders), offset)
                            .isEqualTo(all.subList(Math.min(offset, 300), Math.min(offset + 10, 300)));
                }
            }
        }
    }

    @Test
    void aRangeOrderedByItsFieldReadsOnlyThePageWhenEveryRecordHasOneKey() {
        try (FileStore store = TestStores.open(dir)) {
            fill(store, 600);
            DocumentCollection users = store.collection("users");
            for (boolean ascending : new boolean[] {true, false}) {
                List<String> expected = byUsername(users, ascending).stream()
                        .filter(id -> smallest(users.get(id).orElseThrow().get("username")).compareTo("n150") >= 0).toList();
                for (int offset : new int[] {0, 3, 350, 1000}) {
                    Query page = Query.from(store, "users").where(Where.gte("username", "n150"))
                            .orderBy(new Order("username", ascending)).offset(offset).limit(7);

                    assertThat(page.explain().detail()).contains("each a match");
                    assertThat(page.run().ids()).as("offset %d %s", offset, ascending ? "asc" : "desc").isEqualTo(
                            expected.subList(Math.min(offset, expected.size()), Math.min(offset + 7, expected.size())));
                }
            }
            store.runInTransaction(tx -> {
                users.put("late", json("email", "late@x.io", "username", "n150"));
                users.delete(byUsername(users, true).get(0));
                Query first = Query.from(store, "users").where(Where.gte("username", "n150")).orderBy("username").limit(400);
                List<String> expected = byUsername(users, true).stream()
                        .filter(id -> smallest(users.get(id).orElseThrow().get("username")).compareTo("n150") >= 0).toList();
                assertThat(first.run().ids()).isEqualTo(expected.subList(0, Math.min(400, expected.size())));
                assertThat(first.runJson().ids()).as("the transaction's view as JSON text").isEqualTo(first.run().ids());
                tx.rollback();
            });
        }
    }

    @Test
    void aPageAsJsonTextIsEachRecordsStoredTextInThePagesOrder() {
        try (FileStore store = TestStores.open(dir)) {
            fill(store, 200);
            DocumentCollection users = store.collection("users");
            Query range = Query.from(store, "users").where(Where.gte("username", "n20")).orderBy(Order.desc("username"))
                    .offset(5).limit(10);
            Query whole = Query.from(store, "users").orderBy("username").limit(10);
            Query projected = whole.select("username");

            for (Query query : List.of(range, whole, projected)) {
                JsonResult text = query.runJson();
                QueryResult trees = query.run();
                assertThat(text.ids()).as("%s", query).isEqualTo(trees.ids()).hasSize(10);
                for (int i = 0; i < text.size(); i++) {
                    assertThat(FileStoreOptions.defaultJsonMapper().readTree(text.rows().get(i))).isEqualTo(trees.rows().get(i));
                }
            }
            assertThat(range.runJson().rows()).as("a whole record is its stored text")
                    .isEqualTo(range.run().ids().stream().map(id -> users.getJson(id).orElseThrow()).toList());
        }
    }
}
