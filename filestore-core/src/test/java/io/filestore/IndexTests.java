package io.filestore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.internal.index.IndexKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Index answers checked against a brute-force scan of the same records, on random data and writes. */
class IndexTests {

    private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "CANCELLED"};

    @TempDir
    Path dir;

    @Test
    void lookupsEqualABruteForceScanOnRandomWritesAndAfterReopen() {
        Random random = new Random(42);
        Map<String, ObjectNode> truth = new HashMap<>();
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            for (int step = 0; step < 3000; step++) {
                String id = "o" + random.nextInt(400);
                int action = random.nextInt(10);
                if (action < 6) {
                    ObjectNode order = randomOrder(random);
                    orders.put(id, order);
                    truth.put(id, order);
                } else if (action < 8) {
                    ObjectNode patch = json("status", STATUSES[random.nextInt(STATUSES.length)]);
                    if (orders.update(id, patch)) {
                        truth.get(id).set("status", patch.get("status"));
                    }
                } else {
                    orders.delete(id);
                    truth.remove(id);
                }
                if (step % 500 == 0) {
                    assertIndexesMatch(orders, truth, random);
                }
            }
            assertIndexesMatch(orders, truth, random);
        }
        try (FileStore reopened = TestStores.open(dir)) {
            assertIndexesMatch(reopened.collection("orders"), truth, random);
        }
    }

    @Test
    void numbersCompareByValueAcrossIntegerAndDecimalForms() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            orders.put("a", json("total", 1));
            orders.put("b", json("total", 1.0));
            orders.put("c", json("total", 1.5));
            orders.put("d", json("total", -3));
            orders.put("e", json("total", "1"));
            assertThat(orders.findIds("total", 1)).containsExactlyInAnyOrder("a", "b");
            assertThat(orders.findIds("total", new java.math.BigDecimal("1.00"))).containsExactlyInAnyOrder("a", "b");
            assertThat(orders.findIds("total", "1")).containsExactly("e");
            assertThat(orders.findIdsInRange("total", -3, false, 1.5, true)).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(orders.findIdsInRange("total", null, true, null, true).get(0)).isEqualTo("d");
        }
    }

    @Test
    void bigIntegersAndLongDecimalsAreKeysExactly() {
        FileStoreOptions options = FileStoreOptions.builder(dir)
                .collection(CollectionOptions.builder("accounts").unique("number").indexed("balance").build()).build();
        BigInteger twoTo64 = BigInteger.TWO.pow(64);
        try (FileStore store = FileStore.open(options)) {
            DocumentCollection accounts = store.collection("accounts");
            accounts.put("a", json("number", twoTo64, "balance", new BigDecimal("0.1")));
            accounts.put("b", json("number", twoTo64.add(BigInteger.ONE), "balance", new BigDecimal("0.10000000000000001")));
            accounts.put("c", json("number", new BigDecimal("1E+20"), "balance", new BigDecimal(0.1)));
            assertThatThrownBy(() -> accounts.put("d", json("number", new BigInteger("100000000000000000000"))))
                    .isInstanceOf(UniqueConstraintException.class);
            assertExactKeys(accounts, twoTo64);
        }
        try (FileStore reopened = FileStore.open(options)) {
            assertExactKeys(reopened.collection("accounts"), twoTo64);
        }
    }

    private static void assertExactKeys(DocumentCollection accounts, BigInteger twoTo64) {
        assertThat(accounts.findIds("number", twoTo64)).containsExactly("a");
        assertThat(accounts.findIds("number", new BigDecimal(twoTo64).setScale(3))).containsExactly("a");
        assertThat(accounts.findIds("number", twoTo64.add(BigInteger.ONE))).containsExactly("b");
        assertThat(accounts.findIds("number", 1e20)).containsExactly("c");
        assertThat(accounts.findIdsInRange("number", twoTo64, false, null, true)).containsExactly("b", "c");
        assertThat(accounts.findIdsInRange("number", Long.MAX_VALUE, false, twoTo64, true)).containsExactly("a");
        assertThat(accounts.findIds("balance", 0.1)).containsExactly("a");
        assertThat(accounts.findIds("balance", new BigDecimal("0.100"))).containsExactly("a");
        assertThat(accounts.findIds("balance", new BigDecimal("0.10000000000000001"))).containsExactly("b");
        assertThat(accounts.findIds("balance", new BigDecimal(0.1))).containsExactly("c");
        assertThat(accounts.findIdsInRange("balance", 0.1, true, 1, true)).containsExactly("a", "c", "b");
    }

    @Test
    void arrayFieldsAreIndexedElementByElement() {
        FileStoreOptions options = FileStoreOptions.builder(dir)
                .collection(CollectionOptions.builder("posts").indexed("tags", "authors.name").build()).build();
        try (FileStore store = FileStore.open(options)) {
            DocumentCollection posts = store.collection("posts");
            posts.put("p1", json("tags", List.of("java", "db"), "authors", List.of(Map.of("name", "ann"), Map.of("name", "bob"))));
            posts.put("p2", json("tags", List.of("java")));
            assertThat(posts.findIds("tags", "java")).containsExactlyInAnyOrder("p1", "p2");
            assertThat(posts.findIds("tags", "db")).containsExactly("p1");
            assertThat(posts.findIds("authors.name", "bob")).containsExactly("p1");
        }
    }

    @Test
    void lookupsOnUnindexedFieldsFailInsteadOfScanning() {
        try (FileStore store = TestStores.open(dir)) {
            assertThatThrownBy(() -> store.collection("orders").findIds("comment", "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'comment'").hasMessageContaining("not indexed");
        }
    }

    @Test
    void uniqueFieldsAllowManyRecordsWithoutTheField() {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            users.put("u1", json("username", "a"));
            users.put("u2", json("username", "b", "email", null));
            users.put("u3", json("email", "x@x.io"));
            users.put("u3", json("email", "x@x.io", "username", "c")); // replacing keeps its own value
            assertThat(users.count()).isEqualTo(3);
        }
    }

    private static ObjectNode randomOrder(Random random) {
        ObjectNode order = json("status", STATUSES[random.nextInt(STATUSES.length)],
                "userId", "u" + random.nextInt(30));
        if (random.nextInt(10) > 0) {
            order.put("total", random.nextInt(1000) / 4.0);
        }
        return order;
    }

    private static void assertIndexesMatch(DocumentCollection orders, Map<String, ObjectNode> truth, Random random) {
        assertThat(orders.count()).isEqualTo(truth.size());
        for (String status : STATUSES) {
            assertThat(orders.findIds("status", status)).containsExactlyInAnyOrderElementsOf(
                    truth.entrySet().stream().filter(e -> e.getValue().get("status").stringValue().equals(status))
                            .map(Map.Entry::getKey).toList());
        }
        for (int u = 0; u < 30; u++) {
            String userId = "u" + u;
            assertThat(orders.findIds("userId", userId)).containsExactlyInAnyOrderElementsOf(
                    truth.entrySet().stream().filter(e -> e.getValue().get("userId").stringValue().equals(userId))
                            .map(Map.Entry::getKey).toList());
        }
        for (int q = 0; q < 20; q++) {
            double low = random.nextInt(250);
            double high = low + random.nextInt(100);
            boolean lowInclusive = random.nextBoolean();
            boolean highInclusive = random.nextBoolean();
            List<Map.Entry<String, ObjectNode>> expected = new ArrayList<>();
            for (Map.Entry<String, ObjectNode> e : truth.entrySet()) {
                JsonNode total = e.getValue().get("total");
                if (total == null) {
                    continue;
                }
                double t = total.doubleValue();
                if ((t > low || (lowInclusive && t == low)) && (t < high || (highInclusive && t == high))) {
                    expected.add(e);
                }
            }
            List<String> actual = orders.findIdsInRange("total", low, lowInclusive, high, highInclusive);
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected.stream().map(Map.Entry::getKey).toList());
            List<Object> actualTotals = actual.stream()
                    .map(id -> IndexKeys.of(truth.get(id).get("total"))).toList();
            assertThat(actualTotals).isSortedAccordingTo(Comparator.comparing(k -> k, IndexKeys.ORDER));
        }
    }
}
