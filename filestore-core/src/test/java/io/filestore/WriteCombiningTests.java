package io.filestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single-record writes outside a transaction are committed by whichever writer holds the writer mutex,
 * together with the others queued (flat combining). To each writer that must look exactly like
 * committing alone: its own outcome, its own sequence, its listeners on its own thread, durable on
 * return.
 */
class WriteCombiningTests {

    private static final int THREADS = 16;
    private static final int EMAILS = 150;

    @TempDir
    Path dir;

    @Test
    void concurrentWritersEachGetTheirOwnOutcomeSequenceAndListenerThread() throws Exception {
        Map<String, String> winners = new ConcurrentHashMap<>(); // email -> the id that got it
        Map<Long, String> sequences = new ConcurrentHashMap<>();
        Map<String, String> listenedOn = new ConcurrentHashMap<>(); // id -> thread that heard of its commit
        try (FileStore store = FileStore.open(TestStores.options(dir).build())) {
            DocumentCollection users = store.collection("users"); // wal: true, unique email
            store.onTransaction(changes -> changes.records().forEach(change -> {
                listenedOn.put(change.id(), Thread.currentThread().getName());
                assertThat(sequences.put(changes.sequence(), change.id())).as("sequence %d reused", changes.sequence()).isNull();
            }));
            Map<Integer, Map<Integer, Boolean>> outcomes = runWriters((thread, email) -> {
                String id = "u" + thread + "-" + email;
                try {
                    users.put(id, json("email", "e" + email + "@x.io"));
                    winners.merge("e" + email, id, (a, b) -> a + "," + b);
                    return true;
                } catch (UniqueConstraintException lost) {
                    assertThat(lost.getMessage()).contains("e" + email + "@x.io");
                    return false;
                }
            });
            for (int email = 0; email < EMAILS; email++) {
                assertThat(winners.get("e" + email)).as("exactly one writer gets e%d", email).doesNotContain(",");
                List<String> owners = users.findIds("email", "e" + email + "@x.io");
                assertThat(owners).containsExactly(winners.get("e" + email));
            }
            assertThat(users.count()).isEqualTo(EMAILS);
            for (int thread = 0; thread < THREADS; thread++) {
                for (Map.Entry<Integer, Boolean> outcome : outcomes.get(thread).entrySet()) {
                    String id = "u" + thread + "-" + outcome.getKey();
                    assertThat(users.get(id).isPresent()).as("%s present iff its put returned", id).isEqualTo(outcome.getValue());
                    if (outcome.getValue()) {
                        assertThat(listenedOn.get(id)).as("listener of %s", id).isEqualTo("writer-" + thread);
                    }
                }
            }
        }
        try (FileStore reopened = FileStore.open(TestStores.options(dir).build())) {
            assertThat(reopened.collection("users").count()).isEqualTo(EMAILS);
        }
    }

    @Test
    void commitHooksStillRunOnTheCommittingThread() throws Exception {
        Map<String, String> hookThreads = new ConcurrentHashMap<>();
        try (FileStore store = FileStore.open(TestStores.options(dir).build())) {
            store.beforeCommit(changes -> changes.forEach(change -> hookThreads.put(change.id(), Thread.currentThread().getName())));
            DocumentCollection users = store.collection("users");
            runWriters((thread, email) -> {
                users.put("u" + thread + "-" + email, json("email", thread + "-" + email + "@x.io"));
                return true;
            });
            assertThat(hookThreads).hasSize(THREADS * EMAILS);
            hookThreads.forEach((id, thread) -> assertThat(thread).isEqualTo("writer-" + id.substring(1, id.indexOf('-'))));
        }
    }

    @Test
    void aWriteQueuedBehindAClosingStoreFailsAsClosedAndChangesNothing() throws Exception {
        FileStore store = FileStore.open(TestStores.options(dir).build());
        DocumentCollection users = store.collection("users");
        users.put("before", json("email", "before@x.io"));
        store.close();
        assertThatThrownBy(() -> users.put("after", json("email", "after@x.io"))).isInstanceOf(StoreClosedException.class);
        try (FileStore reopened = FileStore.open(TestStores.options(dir).build())) {
            assertThat(reopened.collection("users").ids()).containsExactly("before");
        }
    }

    /** A write by thread {@code t} of email {@code e}; returns whether it committed. */
    @FunctionalInterface
    private interface Write {
        boolean run(int thread, int email) throws Exception;
    }

    /** Runs every writer thread over every email, started together; returns, by thread number: email -> committed. */
    private static Map<Integer, Map<Integer, Boolean>> runWriters(Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        Map<Integer, Map<Integer, Boolean>> byThread = new ConcurrentHashMap<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Thread.currentThread().setName("writer-" + thread);
                Map<Integer, Boolean> outcomes = new HashMap<>();
                start.await();
                for (int email = 0; email < EMAILS; email++) {
                    outcomes.put(email, write.run(thread, email));
                }
                byThread.put(thread, outcomes);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return byThread;
    }
}
