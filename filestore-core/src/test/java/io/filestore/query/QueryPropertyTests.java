package io.filestore.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.relation.Relationship;
import io.filestore.relation.Relationships;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.filestore.query.BruteForce.Pair;
import static io.filestore.query.BruteForce.and;
import static io.filestore.query.BruteForce.contains;
import static io.filestore.query.BruteForce.endsWith;
import static io.filestore.query.BruteForce.eq;
import static io.filestore.query.BruteForce.equalsIgnoreCase;
import static io.filestore.query.BruteForce.in;
import static io.filestore.query.BruteForce.isNotNull;
import static io.filestore.query.BruteForce.isNull;
import static io.filestore.query.BruteForce.matches;
import static io.filestore.query.BruteForce.ne;
import static io.filestore.query.BruteForce.normalize;
import static io.filestore.query.BruteForce.not;
import static io.filestore.query.BruteForce.or;
import static io.filestore.query.BruteForce.order;
import static io.filestore.query.BruteForce.range;
import static io.filestore.query.BruteForce.rank;
import static io.filestore.query.BruteForce.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Random data, random writes and random queries, each checked against {@link BruteForce}. */
class QueryPropertyTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String[] CITIES = {"Oslo", "Paris", "Rome", "Lima", "Porto"};
    private static final String[] TAGS = {"a", "b", "c", "d"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "to", "Ka"};

    @TempDir
    Path dir;

    // the variations added later (queries without a condition, records without a name) draw from their
    // own sequence, so the seeds above still give the same conditions and records otherwise
    private final Random variation = new Random(13);

    private FileStore open() {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("items").indexed("n", "city", "tags", "name").build())
                .collection(CollectionOptions.builder("owners").indexed("city").build())
                .collection(CollectionOptions.builder("pets").indexed("ownerId").build())
                .build());
    }

    @Test
    void randomQueriesReturnWhatABruteForceScanReturnsThroughWritesAndAReopen() {
        Random random = new Random(7);
        try (FileStore store = open()) {
            for (int i = 0; i < 300; i++) {
                store.collection("items").put("i" + random.nextInt(400), randomItem(random));
            }
            checkRandomQueries(store, random, 150);
            for (int i = 0; i < 200; i++) {
                randomWrite(store, random);
            }
            checkRandomQueries(store, random, 150);
        }
        try (FileStore store = open()) {
            checkRandomQueries(store, random, 150);
        }
    }

    @Test
    void groupedQueriesAggregateAsABruteForceGroupingDoes() {
        Random random = new Random(11);
        try (FileStore store = open()) {
            for (int i = 0; i < 300; i++) {
                store.collection("items").put("i" + i, randomItem(random));
            }
            QueryResult result = Query.from(store, "items").where(Where.gte("n", 3)).groupBy("city")
                    .aggregate("count", Aggregation.count()).aggregate("sum", Aggregation.sum("price"))
                    .aggregate("max", Aggregation.max("price")).orderBy(Order.desc("count")).run();

            Map<String, double[]> expected = new TreeMap<>();
            store.collection("items").forEach((id, item) -> {
                if (!range("n", 3, true, null, false).test().test(Map.entry(id, item))) {
                    return;
                }
                JsonNode city = item.get("city");
                String key = city == null || city.isNull() ? "null" : city.stringValue();
                double[] sums = expected.computeIfAbsent(key, k -> new double[] {0, 0, Double.NEGATIVE_INFINITY});
                sums[0]++;
                if (item.has("price")) {
                    sums[1] += item.get("price").doubleValue();
                    sums[2] = Math.max(sums[2], item.get("price").doubleValue());
                }
            });
            assertThat(result.size()).isEqualTo(expected.size());
            long previous = Long.MAX_VALUE;
            for (ObjectNode group : result.rows()) {
                String key = group.get("city").isNull() ? "null" : group.get("city").stringValue();
                double[] sums = expected.get(key);
                assertThat(group.get("count").longValue()).isEqualTo((long) sums[0]).isLessThanOrEqualTo(previous);
                previous = group.get("count").longValue();
                assertThat(group.get("sum").doubleValue()).isCloseTo(sums[1], org.assertj.core.data.Offset.offset(1e-6));
                assertThat(group.get("max").doubleValue()).isEqualTo(sums[2]);
            }
        }
    }

    @Test
    void joinedQueriesAndLiveQueriesFollowRandomWritesAsABruteForceJoinDoes() {
        Random random = new Random(3);
        try (FileStore store = open(); Relationships relationships = Relationships.attach(store)) {
            Relationship ownerOfPet = relationships.define("ownerOfPet", "pets", "ownerId", "owners");
            Query petsInOslo = Query.from(store, "pets").join("owner", ownerOfPet).where(Where.eq("owner.city", "Oslo"));
            Query ownersWithOldPets = Query.from(store, "owners").join("pets", ownerOfPet)
                    .where(Where.gt("pets.age", 10)).orderBy(Order.desc("city")).limit(5);
            Query heaviest = Query.from(store, "pets").where(Where.between("age", 2, 12))
                    .orderBy(Order.desc("age")).offset(1).limit(3);
            Query byOwner = Query.from(store, "pets").groupBy("ownerId").aggregate("n", Aggregation.count());
            List<Query> queries = List.of(petsInOslo, ownersWithOldPets, heaviest, byOwner);
            List<AtomicReference<QueryResult>> heard = new ArrayList<>();
            List<LiveQuery> live = new ArrayList<>();
            for (Query query : queries) {
                AtomicReference<QueryResult> last = new AtomicReference<>();
                heard.add(last);
                live.add(query.observe(last::set));
            }
            assertThat(petsInOslo.explain().access()).isEqualTo(Plan.Access.JOIN_INDEX);

            for (int i = 0; i < 400; i++) {
                if (random.nextInt(3) == 0) {
                    String owner = "o" + random.nextInt(12);
                    if (random.nextInt(5) == 0) {
                        store.collection("owners").delete(owner);
                    } else {
                        store.collection("owners").put(owner, json("city", CITIES[random.nextInt(CITIES.length)]));
                    }
                } else {
                    String pet = "p" + random.nextInt(60);
                    if (random.nextInt(6) == 0) {
                        store.collection("pets").delete(pet);
                    } else {
                        store.collection("pets").put(pet, json("ownerId", "o" + random.nextInt(12), "age", random.nextInt(15)));
                    }
                }
                for (int q = 0; q < queries.size(); q++) {
                    QueryResult now = queries.get(q).run();
                    assertThat(live.get(q).current()).as("live %s", queries.get(q)).isEqualTo(now);
                    if (heard.get(q).get() != null) {
                        assertThat(heard.get(q).get()).isEqualTo(now);
                    }
                }
                if (i % 40 == 0) {
                    assertThat(petsInOslo.run().ids()).isEqualTo(bruteForcePetsIn(store, "Oslo"));
                }
            }
            live.forEach(LiveQuery::close);
        }
    }

    private static List<String> bruteForcePetsIn(FileStore store, String city) {
        List<String> ids = new ArrayList<>();
        store.collection("pets").forEach((id, pet) -> {
            String owner = pet.get("ownerId").stringValue();
            store.collection("owners").get(owner).ifPresent(o -> {
                if (o.get("city").stringValue().equals(city)) {
                    ids.add(id);
                }
            });
        });
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private void checkRandomQueries(FileStore store, Random random, int queries) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        store.collection("items").forEach(all::put);
        int indexed = 0;
        int unconditioned = 0;
        for (int q = 0; q < queries; q++) {
            // a quarter without a condition: pages in the order of a whole index, or a bounded top-k
            Pair drawn = randomCondition(random, 2);
            Pair where = variation.nextInt(4) == 0 ? null : drawn;
            String orderField = random.nextBoolean() ? null : new String[] {"n", "name", "price", "city", "tags"}[random.nextInt(5)];
            boolean ascending = random.nextBoolean();
            int offset = random.nextInt(4) == 0 ? random.nextInt(10) : 0;
            int limit = random.nextInt(3) == 0 ? random.nextInt(15) : Integer.MAX_VALUE;

            Query query = where == null ? Query.from(store, "items") : Query.from(store, "items").where(where.condition());
            if (orderField != null) {
                query = query.orderBy(new Order(orderField, ascending));
            }
            query = query.offset(offset);
            if (limit != Integer.MAX_VALUE) {
                query = query.limit(limit);
            }
            List<Map.Entry<String, JsonNode>> expected = new ArrayList<>(all.entrySet().stream()
                    .filter(where == null ? entry -> true : where.test()).toList());
            long expectedCount = expected.size();
            expected.sort(orderField == null ? Map.Entry.comparingByKey() : order(orderField, ascending));
            List<String> expectedIds = expected.stream().skip(offset).limit(limit).map(Map.Entry::getKey).toList();

            QueryResult result = query.run();
            assertThat(result.ids()).as("%s order %s %s offset %d limit %d, plan %s", where, orderField,
                    ascending ? "asc" : "desc", offset, limit, query.explain()).isEqualTo(expectedIds);
            assertThat(query.count()).as("count of %s", where).isEqualTo(expectedCount);
            for (int i = 0; i < result.size(); i++) {
                assertThat(result.rows().get(i)).isEqualTo(all.get(result.ids().get(i)));
            }
            JsonResult text = query.runJson();
            assertThat(text.ids()).as("runJson of %s", query).isEqualTo(expectedIds);
            for (int i = 0; i < text.size(); i++) {
                assertThat(FileStoreOptions.defaultJsonMapper().readTree(text.rows().get(i))).isEqualTo(all.get(text.ids().get(i)));
            }
            if (query.explain().usesIndex()) {
                indexed++;
            }
            if (where == null) {
                unconditioned++;
            }
        }
        assertThat(indexed).as("queries answered through an index").isGreaterThan((queries - unconditioned) / 4);
    }

    private static Pair randomCondition(Random random, int depth) {
        if (depth > 0 && random.nextInt(3) == 0) {
            Pair a = randomCondition(random, depth - 1);
            Pair b = randomCondition(random, depth - 1);
            return switch (random.nextInt(3)) {
                case 0 -> and(a, b);
                case 1 -> or(a, b);
                default -> not(a);
            };
        }
        String field = new String[] {"n", "city", "tags", "name", "price", "active"}[random.nextInt(6)];
        Object value = randomValue(field, random);
        return switch (random.nextInt(14)) {
            case 0, 1 -> eq(field, value);
            case 2 -> ne(field, value);
            case 3 -> in(field, List.of(value, randomValue(field, random)));
            case 4 -> range(field, value, random.nextBoolean(), null, false);
            case 5 -> range(field, null, false, value, random.nextBoolean());
            case 6 -> {
                Object other = randomValue(field, random);
                yield rank(normalize(value)) == rank(normalize(other)) ? range(field, value, true, other, random.nextBoolean())
                        : eq(field, value);
            }
            case 7 -> startsWith(field, String.valueOf(value).substring(0, Math.min(2, String.valueOf(value).length())));
            case 8 -> contains(field, value);
            case 9 -> isNull(field);
            case 10 -> isNotNull(field);
            case 11 -> endsWith(field, String.valueOf(value));
            case 12 -> equalsIgnoreCase(field, String.valueOf(value).toUpperCase());
            default -> matches(field, "[kK]a.*");
        };
    }

    private static Object randomValue(String field, Random random) {
        return switch (field) {
            case "n" -> random.nextInt(10) == 0 ? "x" : random.nextInt(20);
            case "city" -> CITIES[random.nextInt(CITIES.length)];
            case "tags" -> TAGS[random.nextInt(TAGS.length)];
            case "name" -> SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
            case "price" -> random.nextInt(1000) / 100.0;
            default -> random.nextBoolean();
        };
    }

    private ObjectNode randomItem(Random random) {
        ObjectNode item = MAPPER.createObjectNode();
        int nChoice = random.nextInt(10);
        if (nChoice == 0) {
            item.put("n", "x");
        } else if (nChoice != 1) {
            item.put("n", random.nextInt(20));
        }
        int cityChoice = random.nextInt(8);
        if (cityChoice == 0) {
            item.putNull("city");
        } else if (cityChoice != 1) {
            item.put("city", CITIES[random.nextInt(CITIES.length)]);
        }
        if (random.nextInt(4) != 0) {
            var tags = item.putArray("tags");
            for (int i = random.nextInt(4); i > 0; i--) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
        }
        if (variation.nextInt(200) != 0) { // now and then a record without one: no page in the index's order then
            item.put("name", SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        if (random.nextInt(5) != 0) {
            item.put("price", random.nextInt(1000) / 100.0);
        }
        item.put("active", random.nextBoolean());
        return item;
    }

    private void randomWrite(FileStore store, Random random) {
        String id = "i" + random.nextInt(400);
        switch (random.nextInt(4)) {
            case 0 -> store.collection("items").delete(id);
            case 1 -> store.collection("items").update(id, json("n", random.nextInt(20)));
            default -> store.collection("items").put(id, randomItem(random));
        }
    }

    private static ObjectNode json(Object... fieldsAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.set((String) fieldsAndValues[i], MAPPER.valueToTree(fieldsAndValues[i + 1]));
        }
        return node;
    }
}
