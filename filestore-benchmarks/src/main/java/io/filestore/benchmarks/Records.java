package io.filestore.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic benchmark records of about 300 bytes of compact JSON each: {@code email} (unique),
 * {@code username}, {@code name}, {@code city} (100 distinct values), {@code status}, {@code age}
 * and a 165-character {@code bio}. Record {@code i} is always the same, so every benchmark and every
 * run works on identical data. Thread-safe.
 */
public final class Records {

    /** The number of distinct {@code city} values. */
    public static final int CITIES = 100;

    /** The rows of one page in the paging benchmarks. */
    public static final int PAGE_SIZE = 20;

    private static final int BIO_LENGTH = 165;
    private static final String[] WORDS = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
            "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna",
            "aliqua", "enim", "ad", "minim", "veniam", "quis", "nostrud", "exercitation", "ullamco"};
    private static final String[] FIRST = {"Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi",
            "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter"};
    private static final String[] LAST = {"Anderson", "Brown", "Clark", "Davis", "Evans", "Fischer", "Garcia",
            "Harris", "Ito", "Jones", "Klein", "Lopez", "Martin", "Nguyen", "Olsen", "Perez", "Quinn", "Rossi"};

    private static final JsonMapper MAPPER = FileStoreOptions.defaultJsonMapper();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Records() {
    }

    /** The id of record {@code i}: {@code u0000042}-style, fixed width. */
    public static String id(int i) {
        // the same as String.format("u%07d", i), which cost ~16% of a writer thread's CPU in DurablePutBenchmark
        String digits = Integer.toString(i);
        return digits.length() >= 7 ? "u" + digits : "u" + "0000000".substring(digits.length()) + digits;
    }

    /** The unique email of record {@code i}. */
    public static String email(int i) {
        return "user" + i + "@mail.example.com";
    }

    /** The username of record {@code i} (unique too, but indexed as a plain field). */
    public static String username(int i) {
        return "user_" + i;
    }

    /** Puts records 0 .. count-1 into the collection, a thousand per transaction. */
    public static void fill(DocumentCollection collection, FileStore store, int count) {
        int batch = 1000;
        for (int first = 0; first < count; first += batch) {
            int from = first;
            store.runInTransaction(tx -> {
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    collection.put(id(i), record(i));
                }
            });
        }
    }

    /** The city of record {@code i}, one of {@link #CITIES}. */
    public static String city(int i) {
        return "City-" + (i % CITIES);
    }

    /** Record {@code i} as a fresh tree. */
    public static ObjectNode record(int i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("email", email(i));
        node.put("username", username(i));
        node.put("name", FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]);
        node.put("city", city(i));
        node.put("status", random.nextInt(10) == 0 ? "inactive" : "active");
        node.put("age", 18 + random.nextInt(60));
        node.put("bio", bio(random));
        return node;
    }

    /**
     * A copy of {@code template} that carries record {@code i}'s unique email: distinct records for
     * insert loops at a fraction of the cost of {@link #record(int)}, so that a unique index on
     * {@code email} accepts every insert.
     */
    public static ObjectNode withEmailOf(ObjectNode template, int i) {
        ObjectNode copy = template.deepCopy();
        copy.put("email", email(i));
        return copy;
    }

    /** Record {@code i} as compact UTF-8 JSON, the form FileStore keeps in memory (about 300 bytes). */
    public static byte[] compactBytes(int i) {
        return MAPPER.writeValueAsBytes(record(i));
    }

    /**
     * Record {@code i} exactly as a {@code file-per-record} collection writes it to disk: Jackson's
     * default pretty printer plus a final newline (about 330 bytes).
     */
    public static byte[] fileBytes(int i) {
        byte[] text = PRETTY.writeValueAsBytes(record(i));
        byte[] withNewline = Arrays.copyOf(text, text.length + 1);
        withNewline[text.length] = '\n';
        return withNewline;
    }

    private static String bio(SplittableRandom random) {
        StringBuilder bio = new StringBuilder(BIO_LENGTH + 16);
        while (bio.length() < BIO_LENGTH) {
            if (bio.length() > 0) {
                bio.append(' ');
            }
            bio.append(WORDS[random.nextInt(WORDS.length)]);
        }
        bio.setLength(BIO_LENGTH);
        return bio.toString();
    }

    /** Prints a sample record and the average sizes; a quick check of the data set. */
    public static void main(String[] args) {
        System.out.println(new String(compactBytes(42), StandardCharsets.UTF_8));
        long compact = 0;
        long file = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            compact += compactBytes(i).length;
            file += fileBytes(i).length;
        }
        System.out.printf("average over %d records: %.1f bytes compact, %.1f bytes as a file%n",
                n, compact / (double) n, file / (double) n);
    }
}
