package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link FileStore#begin(Duration)}: a write transaction waits for the one ahead of it at most as long as asked. */
class TransactionWaitTests {

    @TempDir
    Path dir;

    private final ExecutorService holder = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopHolder() {
        holder.shutdownNow();
    }

    @Test
    void beginGivesUpAfterTheWaitWhileAnotherTransactionHoldsTheWriter() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> store.runInTransaction(tx -> {
                store.collection("users").put("held", json("email", "held@x.io"));
                holding.countDown();
                awaitQuietly(release);
            }), holder);
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> store.begin(Duration.ofMillis(300)))
                    .isInstanceOf(TransactionTimeoutException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("300 ms");
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(waitedMillis).isBetween(290L, 2_000L);
            assertThat(store.currentTransaction()).isEmpty();

            release.countDown();
            other.get(5, TimeUnit.SECONDS);
            try (Transaction tx = store.begin(Duration.ofMillis(300))) {
                store.collection("users").put("mine", json("email", "mine@x.io"));
                tx.commit();
            }
            assertThat(store.collection("users").ids()).containsExactlyInAnyOrder("held", "mine");
        }
    }

    @Test
    void anInterruptedWaitBeginsNothingAndKeepsTheInterrupt() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> store.runInTransaction(tx -> {
                holding.countDown();
                awaitQuietly(release);
            }), holder);
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> store.begin(Duration.ofSeconds(5)))
                        .isInstanceOf(FileStoreException.class).hasMessageContaining("nterrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
                release.countDown();
            }
            other.get(5, TimeUnit.SECONDS);
            assertThat(store.currentTransaction()).isEmpty();
        }
    }

    @Test
    void aNegativeWaitIsRefused() {
        try (FileStore store = TestStores.open(dir)) {
            assertThatThrownBy(() -> store.begin(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.begin(null)).isInstanceOf(NullPointerException.class);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
