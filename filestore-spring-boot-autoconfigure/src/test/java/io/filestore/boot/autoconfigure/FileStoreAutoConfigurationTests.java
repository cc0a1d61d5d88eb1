package io.filestore.boot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import io.filestore.boot.autoconfigure.console.FileStoreConsoleAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;
import io.filestore.boot.autoconfigure.endpoint.FileStoreEndpointAutoConfiguration;
import io.filestore.boot.autoconfigure.health.FileStoreHealthAutoConfiguration;
import io.filestore.boot.autoconfigure.health.FileStoreHealthIndicator;
import io.filestore.boot.autoconfigure.metrics.FileStoreMetrics;
import io.filestore.boot.autoconfigure.metrics.FileStoreMetricsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class FileStoreAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                    FileStoreMetricsAutoConfiguration.class, FileStoreHealthAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void propertiesDefaultToTheDocumentedValues() {
        FileStoreProperties properties = new FileStoreProperties();

        assertThat(properties.getDataDir()).isEqualTo(Path.of("./data"));
        assertThat(properties.getFlushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.isWatch()).isFalse();
        assertThat(properties.getWal().getFsyncInterval()).isEqualTo(Duration.ZERO);
        assertThat(properties.getWal().isAcceptLogLoss()).isFalse();
        assertThat(properties.getMaxDirtyRecords()).isEqualTo(FileStoreOptions.DEFAULT_MAX_DIRTY_RECORDS);
        assertThat(properties.getWal().getMaxUnflushedSize().toBytes()).isEqualTo(FileStoreOptions.DEFAULT_MAX_UNFLUSHED_LOG_BYTES);
        assertThat(properties.getRepositories().isEnabled()).isTrue();
        assertThat(properties.getCollections()).isEmpty();
    }

    @Test
    void anOpenStoreWithTheDefaultOptionsIsReadyWhenOnlyTheDataDirIsSet() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasSingleBean(FileStore.class).hasSingleBean(FileStoreLifecycle.class);
            FileStoreOptions options = context.getBean(FileStoreOptions.class);
            assertThat(options.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
            assertThat(options.flushInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(options.fsyncInterval()).isEqualTo(Duration.ZERO);
            assertThat(options.watch()).isFalse();
            assertThat(options.acceptLogLoss()).isFalse();
            assertThat(options.collections()).isEmpty();

            FileStore store = context.getBean(FileStore.class);
            store.collection("users").put("u1", Map.of("email", "ann@example.com"));
            assertThat(store.collection("users").get("u1")).isPresent();
            assertThat(store.dataDir()).isEqualTo(options.dataDir());
        });
    }

    @Test
    void theStoreLevelPropertiesAreBound() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flush-interval=750ms",
                "filestore.watch=true", "filestore.wal.fsync-interval=200ms", "filestore.wal.accept-log-loss=true",
                "filestore.max-dirty-records=1000", "filestore.wal.max-unflushed-size=16MB",
                "filestore.repositories.enabled=false")
                .run(context -> {
                    FileStoreOptions options = context.getBean(FileStoreOptions.class);
                    assertThat(options.acceptLogLoss()).isTrue();
                    assertThat(options.maxDirtyRecords()).isEqualTo(1000);
                    assertThat(options.maxUnflushedLogBytes()).isEqualTo(16L * 1024 * 1024);
                    assertThat(options.flushInterval()).isEqualTo(Duration.ofMillis(750));
                    assertThat(options.watch()).isTrue();
                    assertThat(options.fsyncInterval()).isEqualTo(Duration.ofMillis(200));
                    assertThat(context.getBean(FileStoreProperties.class).getRepositories().isEnabled()).isFalse();
                });
    }

    @Test
    void everyCollectionKeyIsBound() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir,
                "filestore.collections.events.strategy=single-file",
                "filestore.collections.events.path=logs/events.jsonl",
                "filestore.collections.events.indexed=type,user.id",
                "filestore.collections.events.unique[0]=eventId",
                "filestore.collections.events.wal=false",
                "filestore.collections.events.format=jsonl",
                "filestore.collections.events.append-only=true",
                "filestore.collections.tokens.strategy=memory-only",
                "filestore.collections.tokens.ttl=15m")
                .run(context -> {
                    CollectionOptions events = context.getBean(FileStoreOptions.class).collections().get("events");
                    assertThat(events.strategy()).isEqualTo(Strategy.SINGLE_FILE);
                    assertThat(events.path()).isEqualTo(Path.of("logs/events.jsonl"));
                    assertThat(events.indexed()).containsExactly("type", "user.id", "eventId");
                    assertThat(events.unique()).containsExactly("eventId");
                    assertThat(events.wal()).isFalse();
                    assertThat(events.format()).isEqualTo(Format.JSONL);
                    assertThat(events.appendOnly()).isTrue();
                    CollectionOptions tokens = context.getBean(FileStoreOptions.class).collections().get("tokens");
                    assertThat(tokens.strategy()).isEqualTo(Strategy.MEMORY_ONLY);
                    assertThat(tokens.ttl()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(tokens.wal()).isFalse();
                });
    }

    @Test
    void theIssueExampleYamlWorksAsWritten() {
        // last, so that the test's data-dir wins over the example's ./data
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addLast(issueExampleYaml()))
                .withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, CollectionOptions> collections = context.getBean(FileStoreOptions.class).collections();
                    assertThat(collections).containsOnlyKeys("users", "orders", "sessions", "auditLogs");
                    assertThat(collections.get("users").wal()).isTrue();
                    assertThat(collections.get("users").indexed()).containsExactly("email", "username");
                    assertThat(collections.get("users").unique()).containsExactly("email");
                    assertThat(collections.get("orders").wal()).isFalse();
                    assertThat(collections.get("orders").indexed()).containsExactly("userId", "status");
                    assertThat(collections.get("sessions").strategy()).isEqualTo(Strategy.MEMORY_ONLY);
                    assertThat(collections.get("sessions").ttl()).isEqualTo(Duration.ofHours(1));
                    CollectionOptions auditLogs = collections.get("auditLogs");
                    assertThat(auditLogs.strategy()).isEqualTo(Strategy.SINGLE_FILE);
                    assertThat(auditLogs.format()).isEqualTo(Format.JSONL);
                    assertThat(auditLogs.appendOnly()).isTrue();
                    assertThat(auditLogs.wal()).isTrue();
                    assertThat(auditLogs.resolvePath(dataDir)).isEqualTo(dataDir.resolve("logs/audit.jsonl"));

                    FileStore store = context.getBean(FileStore.class);
                    assertThat(store.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
                    store.collection("auditLogs").put("a1", Map.of("action", "login"));
                    assertThat(store.collectionNames()).contains("users", "orders", "sessions", "auditLogs");
                });
    }

    @Test
    void theStoreIsOpenWhenABeanThatInjectsItIsCreated() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withUserConfiguration(WritesInItsConstructor.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(FileStore.class).collection("boot").exists("first")).isTrue();
                });
    }

    @Test
    void closingTheContextFlushesEveryChangeToTheFiles() throws IOException {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flush-interval=1h",
                "filestore.collections.orders.wal=false")
                .run(context -> {
                    context.getBean(FileStore.class).collection("orders").put("o1", Map.of("status", "NEW"));
                    assertThat(dataDir.resolve("orders/o1.json")).doesNotExist();
                });

        assertThat(dataDir.resolve("orders/o1.json")).exists();
        assertThat(Files.readString(dataDir.resolve("orders/o1.json"))).contains("\"status\"", "\"NEW\"");
        try (FileStore reopened = FileStore.open(dataDir)) {
            assertThat(reopened.collection("orders").get("o1")).isPresent();
        }
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnStore() {
        runner.withPropertyValues("filestore.collections.users.strategy=flat")
                .withBean(FileStore.class, () -> FileStore.open(dataDir))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FileStore.class)
                            .doesNotHaveBean(FileStoreOptions.class);
                    assertThat(ReopenableFileStore.of(context.getBean(FileStore.class))).isEmpty();
                    assertThat(context).hasSingleBean(FileStoreLifecycle.class)
                            .hasSingleBean(FileStoreMetrics.class).hasSingleBean(FileStoreHealthIndicator.class);
                });
    }

    @Test
    void usesTheApplicationsOptionsInsteadOfTheProperties() {
        runner.withPropertyValues("filestore.data-dir=/not/used")
                .withBean(FileStoreOptions.class, () -> FileStoreOptions.builder(dataDir)
                        .collection(CollectionOptions.builder("cache").strategy(Strategy.MEMORY_ONLY).build()).build())
                .run(context -> {
                    FileStore store = context.getBean(FileStore.class);
                    assertThat(store.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
                    assertThat(store.collection("cache").options().strategy()).isEqualTo(Strategy.MEMORY_ONLY);
                });
    }

    @Test
    void runsWithoutMicrometerOnTheClasspath() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FileStore.class)
                        .doesNotHaveBean(FileStoreMetrics.class).hasSingleBean(FileStoreHealthIndicator.class));
    }

    @Test
    void runsWithoutTheActuatorHealthContractsOnTheClasspath() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FileStore.class)
                        .doesNotHaveBean(FileStoreHealthIndicator.class).hasSingleBean(FileStoreMetrics.class));
    }

    @Test
    void runsWithNeitherMicrometerNorTheActuator() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(FileStoreMetrics.class)
                            .doesNotHaveBean(FileStoreHealthIndicator.class);
                    context.getBean(FileStore.class).collection("users").put("u1", Map.of("name", "ann"));
                });
    }

    @Test
    void theHealthComponentCanBeTurnedOff() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "management.health.filestore.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FileStoreHealthIndicator.class));
    }

    @Test
    void theAutoConfigurationsAreListedInTheImportsFile() throws IOException {
        String imports = new ClassPathResource(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(imports.lines().toList()).containsExactlyInAnyOrder(FileStoreAutoConfiguration.class.getName(),
                FileStoreMetricsAutoConfiguration.class.getName(), FileStoreHealthAutoConfiguration.class.getName(),
                FileStoreDataAutoConfiguration.class.getName(),
                FileStoreRepositoriesAutoConfiguration.class.getName(),
                FileStoreEndpointAutoConfiguration.class.getName(), FileStoreConsoleAutoConfiguration.class.getName());
    }

    static PropertySource<?> issueExampleYaml() {
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader()
                    .load("issue-example.yml", new ClassPathResource("issue-example.yml"));
            return loaded.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WritesInItsConstructor {

        @Bean
        Object firstWriter(FileStore store) {
            store.collection("boot").put("first", Map.of("at", "startup"));
            return "written";
        }
    }
}
