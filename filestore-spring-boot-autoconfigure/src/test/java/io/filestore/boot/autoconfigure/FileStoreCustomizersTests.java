package io.filestore.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.data.repository.User;
import io.filestore.spi.PersisterFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customizer beans change the options built from the {@code filestore.*} properties, so that a custom
 * persister or setting no longer means replacing the whole {@code FileStoreOptions} bean and losing
 * the properties.
 */
class FileStoreCustomizersTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void anOptionsCustomizerChangesTheOptionsAndEveryPropertyIsKept() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flush-interval=750ms",
                        "filestore.collections.users.indexed=email")
                .withBean(FileStoreOptionsBuilderCustomizer.class, () -> options -> options.watch(true))
                .run(context -> {
                    FileStoreOptions options = context.getBean(FileStoreOptions.class);
                    assertThat(options.watch()).isTrue();
                    assertThat(options.flushInterval()).isEqualTo(Duration.ofMillis(750));
                    assertThat(options.collections().get("users").indexed()).containsExactly("email");
                    assertThat(options.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
                });
    }

    @Test
    void optionsCustomizersRunInTheirOrderAfterTheProperties() {
        List<String> calls = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flush-interval=750ms")
                .withBean("late", FileStoreOptionsBuilderCustomizer.class, () -> new Late(calls))
                .withBean("early", FileStoreOptionsBuilderCustomizer.class, () -> new Early(calls))
                .run(context -> {
                    assertThat(calls).containsExactly("early", "late");
                    assertThat(context.getBean(FileStoreOptions.class).flushInterval()).isEqualTo(Duration.ofSeconds(9));
                });
    }

    @Test
    void aCollectionCustomizerGivesACollectionItsPersisterAndKeepsItsProperties() {
        List<String> created = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("filestore.data-dir=" + dataDir,
                        "filestore.collections.audit.strategy=single-file", "filestore.collections.audit.format=jsonl",
                        "filestore.collections.audit.indexed=action", "filestore.collections.users.indexed=email")
                .withBean(FileStoreCollectionCustomizer.class,
                        () -> FileStoreCollectionCustomizer.forCollection("audit", audit -> audit.persister(counting(created))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CollectionOptions audit = context.getBean(FileStoreOptions.class).collections().get("audit");
                    assertThat(audit.persister()).isNotNull();
                    assertThat(audit.strategy()).isEqualTo(Strategy.SINGLE_FILE);
                    assertThat(audit.format()).isEqualTo(Format.JSONL);
                    assertThat(audit.indexed()).containsExactly("action");
                    assertThat(context.getBean(FileStoreOptions.class).collections().get("users").persister()).isNull();

                    FileStore store = context.getBean(FileStore.class);
                    store.collection("audit").put("a1", Map.of("action", "login"));
                    store.flush();
                    assertThat(created).containsExactly("audit");
                });
        assertThat(dataDir.resolve("audit.jsonl")).exists();
    }

    @Test
    void aCollectionCustomizerSeesEveryConfiguredCollectionByName() {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.collections.users.indexed=email",
                        "filestore.collections.orders.wal=false")
                .withBean(FileStoreCollectionCustomizer.class, () -> (name, collection) -> {
                    seen.add(name);
                    collection.indexed("createdAt");
                })
                .run(context -> {
                    assertThat(seen).containsExactlyInAnyOrder("users", "orders");
                    Map<String, CollectionOptions> collections = context.getBean(FileStoreOptions.class).collections();
                    assertThat(collections.get("users").indexed()).containsExactly("email", "createdAt");
                    assertThat(collections.get("orders").indexed()).containsExactly("createdAt");
                    assertThat(collections.get("orders").wal()).isFalse();
                });
    }

    @Test
    void aCollectionCustomizerReachesTheCollectionsOfDocumentEntities() {
        runner.withConfiguration(AutoConfigurations.of(FileStoreDataAutoConfiguration.class))
                .withUserConfiguration(EntitiesOfTheRepositoryTests.class)
                .withPropertyValues("filestore.data-dir=" + dataDir)
                .withBean(FileStoreCollectionCustomizer.class,
                        () -> FileStoreCollectionCustomizer.forCollection("orders", orders -> orders.wal(false)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CollectionOptions orders = context.getBean(FileStore.class).collection("orders").options();
                    assertThat(orders.wal()).isFalse();
                    assertThat(orders.indexed()).contains("userId");
                    assertThat(context.getBean(FileStore.class).collection("users").options().wal()).isTrue();
                });
    }

    @Test
    void aCustomizerThatBreaksTheOptionsFailsStartupNamingTheOption() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.collections.users.indexed=email")
                .withBean(FileStoreCollectionCustomizer.class, () -> (name, collection) -> collection.ttl(Duration.ofHours(1)))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("collections.users.ttl")
                            .hasStackTraceContaining("once the FileStoreOptionsBuilderCustomizer, FileStoreCollectionCustomizer");
                });
    }

    @Test
    void theApplicationsOwnOptionsAreUsedAsTheyAreWithoutTheCustomizers() {
        List<String> calls = new CopyOnWriteArrayList<>();
        runner.withBean(FileStoreOptions.class, () -> FileStoreOptions.builder(dataDir)
                        .collection(CollectionOptions.builder("users").build()).build())
                .withBean(FileStoreOptionsBuilderCustomizer.class, () -> options -> calls.add("options"))
                .withBean(FileStoreCollectionCustomizer.class, () -> (name, collection) -> {
                    calls.add(name);
                    collection.wal(false);
                })
                .run(context -> {
                    assertThat(context.getBean(FileStore.class).collection("users").options().wal()).isTrue();
                    assertThat(calls).isEmpty();
                });
    }

    private static PersisterFactory counting(List<String> created) {
        return (options, path, context) -> {
            created.add(options.name());
            CollectionOptions builtIn = new CollectionOptions(options.name(), options.strategy(), options.path(),
                    options.indexed(), options.unique(), options.wal(), options.format(), options.appendOnly(),
                    options.ttl(), null);
            return context.builtIn(builtIn);
        };
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    static class EntitiesOfTheRepositoryTests {
    }

    @Order(1)
    record Early(List<String> calls) implements FileStoreOptionsBuilderCustomizer {
        @Override
        public void customize(FileStoreOptions.Builder options) {
            calls.add("early");
            options.flushInterval(Duration.ofSeconds(1));
        }
    }

    @Order(2)
    record Late(List<String> calls) implements FileStoreOptionsBuilderCustomizer {
        @Override
        public void customize(FileStoreOptions.Builder options) {
            calls.add("late");
            options.flushInterval(Duration.ofSeconds(9));
        }
    }
}
