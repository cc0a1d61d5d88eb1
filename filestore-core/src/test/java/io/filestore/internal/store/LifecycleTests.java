package io.filestore.internal.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.filestore.StoreClosedException;
import io.filestore.StoreFencedException;
import io.filestore.StoreState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTests {

    private final Lifecycle lifecycle = new Lifecycle(Path.of("/data"));

    @Test
    void aStoreOpensTakesWritesAndClosesThroughClosing() {
        assertThat(lifecycle.state()).isEqualTo(StoreState.OPENING);
        assertThat(lifecycle.takesWrites()).isTrue();
        lifecycle.opened();
        assertThat(lifecycle.state()).isEqualTo(StoreState.OPEN);
        lifecycle.ensureWritable();
        lifecycle.closing();
        assertThat(lifecycle.state()).isEqualTo(StoreState.CLOSING);
        assertThatThrownBy(lifecycle::ensureWritable).isInstanceOf(StoreClosedException.class);
        lifecycle.closed();
        assertThat(lifecycle.state()).isEqualTo(StoreState.CLOSED);
        assertThat(lifecycle.isFenced()).isFalse();
    }

    @Test
    void aFencedStoreRefusesWritesKeepsTheFirstReasonAndStaysFencedThroughItsClose() {
        lifecycle.opened();
        lifecycle.fence("the write-ahead log failed");
        lifecycle.fence("its lock file was deleted");
        assertThat(lifecycle.state()).isEqualTo(StoreState.FENCED);
        assertThat(lifecycle.takesWrites()).isFalse();
        assertThatThrownBy(lifecycle::ensureWritable).isInstanceOf(StoreFencedException.class)
                .hasMessageContaining("the write-ahead log failed");
        lifecycle.closing();
        lifecycle.closed();
        assertThat(lifecycle.state()).isEqualTo(StoreState.CLOSED);
        assertThat(lifecycle.fencedReason()).isEqualTo("the write-ahead log failed");
        assertThatThrownBy(lifecycle::ensureNotFenced).isInstanceOf(StoreFencedException.class);
    }

    @Test
    void aStoreFencedWhileOpeningStaysFencedOnceOpened() {
        lifecycle.fence("its lock file was deleted");
        lifecycle.opened();
        assertThat(lifecycle.state()).isEqualTo(StoreState.FENCED);
    }

    @Test
    void aFenceWhileClosingIsRememberedWithoutLeavingClosing() {
        lifecycle.opened();
        lifecycle.closing();
        lifecycle.fence("its lock file was deleted");
        assertThat(lifecycle.state()).isEqualTo(StoreState.CLOSING);
        assertThat(lifecycle.isFenced()).isTrue();
        assertThatThrownBy(lifecycle::ensureNotFenced).isInstanceOf(StoreFencedException.class);
    }

    @Test
    void closingTwiceAndAFailedOpenAreAllowed() {
        lifecycle.closing();
        lifecycle.closing();
        lifecycle.closed();
        lifecycle.closed();
        assertThat(lifecycle.state()).isEqualTo(StoreState.CLOSED);
        Lifecycle failedOpen = new Lifecycle(Path.of("/data"));
        failedOpen.closed();
        assertThat(failedOpen.state()).isEqualTo(StoreState.CLOSED);
    }
}
