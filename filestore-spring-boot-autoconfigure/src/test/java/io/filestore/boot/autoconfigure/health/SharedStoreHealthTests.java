package io.filestore.boot.autoconfigure.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.FileStore;
import io.filestore.SharedStoreUnavailableException;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.postgres.testing.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A shared store's health follows its database: DOWN with the problem while it is unreachable, UP again after. */
class SharedStoreHealthTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                    FileStoreHealthAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void aSharedStoreIsDownWithTheProblemWhileItsDatabaseIsUnreachableAndUpOnceItIsBack() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.shared.enabled=true",
                    "filestore.shared.url=" + postgres.url(), "filestore.shared.username=postgres").run(context -> {
                        FileStore store = context.getBean(FileStore.class);
                        FileStoreHealthIndicator indicator = context.getBean(FileStoreHealthIndicator.class);
                        store.collection("users").put("u1", Map.of("name", "Ada"));
                        Health up = indicator.health();
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(shared(up)).containsEntry("writable", true).containsKeys("instanceId", "appliedSequence")
                                .doesNotContainKey("problem");

                        postgres.stop();
                        assertThatThrownBy(() -> store.collection("users").put("u2", Map.of("name", "Bob")))
                                .isInstanceOf(SharedStoreUnavailableException.class);
                        Health down = await(indicator::health, Status.DOWN);
                        assertThat(shared(down)).containsEntry("writable", false).containsKey("problem");
                        assertThat(store.collection("users").get("u1")).as("reads keep working").isPresent();

                        postgres.startAgain();
                        await(indicator::health, Status.UP);
                        store.collection("users").put("u2", Map.of("name", "Bob"));
                    });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shared(Health health) {
        return (Map<String, Object>) health.getDetails().get("shared");
    }

    private static Health await(Supplier<Health> health, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Health last = health.get();
        while (!last.getStatus().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = health.get();
        }
        assertThat(last.getStatus()).as("health within %s: %s", PATIENCE, last.getDetails()).isEqualTo(status);
        return last;
    }
}
