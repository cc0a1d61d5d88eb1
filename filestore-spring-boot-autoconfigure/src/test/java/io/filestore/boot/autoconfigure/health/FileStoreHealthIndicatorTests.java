package io.filestore.boot.autoconfigure.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.StoreFencedException;
import io.filestore.boot.autoconfigure.FailingLogStorageIO;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreHealthIndicatorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                    FileStoreHealthAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void anOpenStoreIsUpWithItsFolderCollectionsLogSizeAndLastFlush() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.collections.users.indexed=email")
                .run(context -> {
                    FileStore store = context.getBean(FileStore.class);
                    store.collection("users").put("u1", Map.of("email", "a@x.io"));
                    store.collection("users").put("u2", Map.of("email", "b@x.io"));
                    store.flush();

                    Health health = context.getBean(FileStoreHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("dataDir", store.dataDir().toString())
                            .containsEntry("collections", Map.of("users", 2))
                            .containsKeys("walBytes", "lastFlushAt", "lastFlushDuration")
                            .doesNotContainKeys("fencedReason", "lastFlushError");
                });
    }

    @Test
    void beforeTheFirstFlushThereIsNoLastFlushTime() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            Health health = context.getBean(FileStoreHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).doesNotContainKey("lastFlushAt").containsEntry("lastFlushDuration", "PT0S");
        });
    }

    @Test
    void aFencedStoreIsDownWithTheReason() {
        FailingLogStorageIO io = new FailingLogStorageIO();
        runner.withBean(FileStoreOptions.class, () -> FileStoreOptions.builder(dataDir).storageIO(io)
                        .collection(CollectionOptions.builder("users").build()).build())
                .run(context -> {
                    FileStore store = context.getBean(FileStore.class);
                    io.failLogFsyncs();
                    assertThatThrownBy(() -> store.collection("users").put("u1", Map.of())).isNotNull();
                    assertThatThrownBy(() -> store.collection("users").put("u2", Map.of()))
                            .isInstanceOf(StoreFencedException.class);

                    Health health = context.getBean(FileStoreHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((String) health.getDetails().get("fencedReason")).contains("injected: EIO on fsync");
                    assertThat(health.getDetails()).containsKey("dataDir");
                });
    }

    @Test
    void aStoreWhoseLockFileWasDeletedIsDownWithTheReason() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            FileStore store = context.getBean(FileStore.class);
            Path lockFile = dataDir.toRealPath().resolve("_filestore.lock");
            Files.delete(lockFile);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!store.status().fenced() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            Health health = context.getBean(FileStoreHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("fencedReason")).contains(lockFile.toString());
        });
    }

    @Test
    void aClosedStoreIsOutOfService() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            context.getSourceApplicationContext().stop();

            assertThat(context.getBean(FileStoreHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void theComponentIsNamedFilestore() {
        runner.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                        HealthContributorRegistryAutoConfiguration.class))
                .withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> {
                    HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
                    assertThat(registry.getContributor("filestore")).isInstanceOf(HealthIndicator.class);
                    assertThat(((HealthIndicator) registry.getContributor("filestore")).health().getStatus())
                            .isEqualTo(Status.UP);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnIndicatorOfThatName() {
        HealthIndicator own = () -> Health.up().withDetail("own", true).build();
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withBean("filestoreHealthIndicator", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context).doesNotHaveBean(FileStoreHealthIndicator.class));
    }
}
