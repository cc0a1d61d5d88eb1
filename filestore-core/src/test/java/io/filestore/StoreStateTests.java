package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.StoreState.CLOSED;
import static io.filestore.StoreState.CLOSING;
import static io.filestore.StoreState.FENCED;
import static io.filestore.StoreState.OPEN;
import static io.filestore.StoreState.OPENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreStateTests {

    private static final Map<StoreState, Set<StoreState>> ALLOWED = Map.of(
            OPENING, EnumSet.of(OPEN, FENCED, CLOSING, CLOSED),
            OPEN, EnumSet.of(FENCED, CLOSING, CLOSED),
            FENCED, EnumSet.of(CLOSING, CLOSED),
            CLOSING, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(StoreState.class));

    @Test
    void everyStateMovesExactlyWhereTheLifecycleAllows() {
        for (StoreState from : StoreState.values()) {
            for (StoreState to : StoreState.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void anIllegalMoveIsRefusedNamingBothStates() {
        assertThatThrownBy(() -> CLOSED.moveTo(OPEN)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A store cannot go from CLOSED to OPEN");
        assertThatThrownBy(() -> FENCED.moveTo(OPEN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CLOSING.moveTo(CLOSING)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLegalMoveGivesTheNewState() {
        assertThat(OPENING.moveTo(OPEN).moveTo(FENCED).moveTo(CLOSING).moveTo(CLOSED)).isEqualTo(CLOSED);
    }

    @Test
    void onlyAnOpeningOrOpenStoreTakesWritesAndOnlyAClosingOrClosedOneIsClosed() {
        assertThat(EnumSet.allOf(StoreState.class)).filteredOn(StoreState::takesWrites).containsExactly(OPENING, OPEN);
        assertThat(EnumSet.allOf(StoreState.class)).filteredOn(StoreState::isClosed).containsExactly(CLOSING, CLOSED);
    }

    @Test
    void aStoreReportsItsStateInItsStatus(@TempDir Path dir) {
        FileStore store = FileStore.open(dir);
        assertThat(store.status().state()).isEqualTo(OPEN);
        assertThat(store.status().open()).isTrue();
        store.close();
        assertThat(store.status().state()).isEqualTo(CLOSED);
        assertThat(store.status().open()).isFalse();
    }

    @Test
    void concurrentClosesFlushOnceAndEachReturnsOnlyWhenTheStoreIsClosed(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 5; round++) {
            Path folder = dir.resolve("round-" + round);
            FileStore store = FileStore.open(TestStores.options(folder).flushInterval(Duration.ofHours(1)).build());
            DocumentCollection items = store.collection("items");
            for (int i = 0; i < 300; i++) {
                items.put("item-" + i, TestStores.json("n", i));
            }
            int closers = 4;
            CyclicBarrier start = new CyclicBarrier(closers);
            ExecutorService threads = Executors.newFixedThreadPool(closers);
            try {
                List<Future<StoreState>> closes = new ArrayList<>();
                for (int i = 0; i < closers; i++) {
                    closes.add(threads.submit(() -> {
                        start.await();
                        store.close();
                        return store.status().state();
                    }));
                }
                for (Future<StoreState> close : closes) {
                    assertThat(close.get()).as("the state when close() returned").isEqualTo(CLOSED);
                }
            } finally {
                threads.shutdownNow();
            }
            try (FileStore reopened = FileStore.open(TestStores.options(folder).build())) {
                assertThat(reopened.collection("items").count()).isEqualTo(300);
            }
        }
    }
}
