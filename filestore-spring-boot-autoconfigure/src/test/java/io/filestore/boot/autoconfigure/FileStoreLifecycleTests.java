package io.filestore.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.StoreClosedException;
import io.filestore.StoreLockedException;
import io.filestore.Subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreLifecycleTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void closingAContextReleasesTheFolderForTheNextContext() {
        ApplicationContextRunner onFolder = runner.withPropertyValues("filestore.data-dir=" + dataDir);
        onFolder.run(context -> context.getBean(FileStore.class).collection("users").put("u1", Map.of("name", "ann")));

        onFolder.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FileStore.class).collection("users").get("u1")).isPresent();
        });
    }

    @Test
    void aSecondRunningContextOnTheSameFolderFailsNamingTheFolder() {
        ApplicationContextRunner onFolder = runner.withPropertyValues("filestore.data-dir=" + dataDir);
        onFolder.run(first -> onFolder.run(second -> {
            assertThat(second).hasFailed();
            assertThat(second.getStartupFailure()).rootCause()
                    .hasMessageContaining(dataDir.toRealPath().toString())
                    .hasMessageContaining("locked by another FileStore in this JVM");
            assertThat(first.getBean(FileStore.class).collection("users").count()).isZero();
        }));
    }

    @Test
    void aPausedContextReleasesTheFolderAndReopensTheStoreWhenRestarted() {
        ApplicationContextRunner onFolder = runner.withPropertyValues("filestore.data-dir=" + dataDir);
        onFolder.run(first -> {
            ConfigurableApplicationContext paused = first.getSourceApplicationContext();
            FileStore store = first.getBean(FileStore.class);
            DocumentCollection users = store.collection("users");
            List<String> committed = new CopyOnWriteArrayList<>();
            store.onTransaction(changes -> changes.records().forEach(change -> committed.add(change.id())));
            users.put("u1", Map.of("name", "ann"));

            paused.pause();
            assertThatThrownBy(() -> users.put("u2", Map.of())).isInstanceOf(StoreClosedException.class);
            onFolder.run(second -> {
                assertThat(second).hasNotFailed();
                DocumentCollection secondUsers = second.getBean(FileStore.class).collection("users");
                assertThat(secondUsers.get("u1")).isPresent();
                secondUsers.put("u2", Map.of("name", "bob"));
            });
            paused.restart();

            assertThat(users.get("u2")).as("what the other context wrote").isPresent();
            users.put("u3", Map.of("name", "cy"));
            assertThat(committed).as("a listener registered before the pause").containsExactly("u1", "u3");
        });
    }

    @Test
    void aSubscriptionClosedWhilePausedIsNotRenewed() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            FileStore store = context.getBean(FileStore.class);
            List<String> changed = new CopyOnWriteArrayList<>();
            Subscription subscription = store.collection("users").onChange(changes -> changed.add("called"));

            context.getSourceApplicationContext().pause();
            subscription.close();
            context.getSourceApplicationContext().restart();
            store.collection("users").put("u1", Map.of());

            assertThat(changed).isEmpty();
        });
    }

    @Test
    void beansThatStopBeforeTheStoreCanStillWriteAndTheirWritesReachTheFiles() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flush-interval=1h",
                        "filestore.collections.shutdown.wal=false")
                .withUserConfiguration(WritersOnStop.class)
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(dataDir.resolve("shutdown/graceful-shutdown-phase.json")).exists();
        assertThat(dataDir.resolve("shutdown/phase-zero.json")).exists();
    }

    @Test
    void aContextThatFailsToStartReleasesTheFolder() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withUserConfiguration(FailsAfterTheStoreOpened.class)
                .run(context -> assertThat(context).hasFailed());

        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void stoppingFlushesAStoreTheApplicationDefinedAndLeavesItOpen() {
        runner.withBean(FileStore.class, () -> FileStore.open(FileStoreOptions.builder(dataDir)
                        .flushInterval(Duration.ofHours(1))
                        .collection(CollectionOptions.builder("orders").wal(false).build()).build()))
                .run(context -> {
                    FileStore store = context.getBean(FileStore.class);
                    store.collection("orders").put("o1", Map.of("status", "NEW"));

                    context.getSourceApplicationContext().stop();

                    assertThat(dataDir.resolve("orders/o1.json")).exists();
                    store.collection("orders").put("o2", Map.of("status", "NEW"));
                });
    }

    @Test
    void theStoreIsStoppedInAPhaseBelowEveryWebServerPhase() {
        int gracefulShutdownPhase = SmartLifecycle.DEFAULT_PHASE - 1024;
        int webServerStopPhase = SmartLifecycle.DEFAULT_PHASE - 2048;

        assertThat(FileStoreLifecycle.PHASE).isLessThan(webServerStopPhase).isLessThan(gracefulShutdownPhase)
                .as("the phase of plain Lifecycle beans").isLessThan(0);
    }

    @Test
    void theStoreCannotBeOpenedTwiceWhileItIsRunning() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> assertThatThrownBy(
                () -> FileStore.open(dataDir)).isInstanceOf(StoreLockedException.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class WritersOnStop {

        @Bean
        SmartLifecycle gracefulShutdownPhaseWriter(FileStore store) {
            return new Writer(store, "graceful-shutdown-phase", SmartLifecycle.DEFAULT_PHASE - 1024);
        }

        @Bean
        SmartLifecycle phaseZeroWriter(FileStore store) {
            return new Writer(store, "phase-zero", 0);
        }
    }

    /** Writes one record when it stops, as a web request or message listener finishing late would. */
    static final class Writer implements SmartLifecycle {

        private final FileStore store;
        private final String id;
        private final int phase;
        private volatile boolean running;

        Writer(FileStore store, String id, int phase) {
            this.store = store;
            this.id = id;
            this.phase = phase;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            store.collection("shutdown").put(id, Map.of("stoppedInPhase", phase));
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailsAfterTheStoreOpened {

        @Bean
        Object failing(FileStore store) {
            throw new IllegalStateException("this bean fails after the store opened " + store.dataDir());
        }
    }
}
