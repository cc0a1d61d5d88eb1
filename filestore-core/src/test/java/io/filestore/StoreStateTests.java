package io.filestore;

import static io.filestore.StoreState.CLOSED;
import static io.filestore.StoreState.CLOSING;
import static io.filestore.StoreState.FENCED;
import static io.filestore.StoreState.OPEN;
import static io.filestore.StoreState.OPENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
