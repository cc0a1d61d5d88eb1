package io.filestore.boot.autoconfigure.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.data.auditing.EnableFileStoreAuditing;
import io.filestore.data.repository.Order;
import io.filestore.data.repository.OrderRepository;
import io.filestore.data.repository.User;
import io.filestore.data.repository.UserRepository;
import io.filestore.data.repository.config.EnableFileStoreRepositories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreRepositoriesAutoConfigurationTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                        FileStoreDataAutoConfiguration.class, FileStoreRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("filestore.data-dir=" + dir);
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    static class Application {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFileStoreAuditing
    static class Audited {
    }

    @Test
    void repositoriesOfTheApplicationsPackagesAreBeansAndTheirIndexesComeFromTheAnnotations() throws Exception {
        runner().run(context -> {
            UserRepository users = context.getBean(UserRepository.class);
            User ada = users.save(new User("ada@x.io", "ada"));
            assertThat(users.findByEmail("ada@x.io")).map(u -> u.id).contains(ada.id);
            assertThat(context.getBean(FileStore.class).collection("users").options().unique()).containsExactly("email");
            assertThat(context.getBean(FileStore.class).collection("orders").isIndexed("userId")).isTrue();
        });
        assertThat(dir.resolve("users/indices/email.jsonl")).exists();
        assertThat(Files.readString(dir.resolve("users/indices/email.jsonl"))).contains("ada@x.io");
    }

    @Test
    void applicationYamlSettingsWinAndIndexListsAreJoined() {
        runner().withPropertyValues("filestore.collections.users.wal=false",
                "filestore.collections.users.indexed[0]=nickname").run(context -> {
            var options = context.getBean(FileStore.class).collection("users").options();
            assertThat(options.wal()).isFalse();
            assertThat(options.indexed()).contains("email", "username", "age", "nickname");
        });
    }

    @Test
    void repositoriesCanBeSwitchedOff() {
        runner().withPropertyValues("filestore.repositories.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(UserRepository.class).hasSingleBean(FileStore.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFileStoreRepositories(basePackageClasses = User.class)
    static class EnabledByHand {
    }

    @Test
    void enableFileStoreRepositoriesRegistersThemWhenTheAutoConfiguredOnesAreOff() {
        runner().withPropertyValues("filestore.repositories.enabled=false").withUserConfiguration(EnabledByHand.class)
                .run(context -> assertThat(context.getBean(UserRepository.class).save(new User("a@x.io", "a")).id)
                        .isNotNull());
    }

    @Test
    void closingTheContextNeverDeletesData() {
        runner().run(context -> context.getBean(UserRepository.class).save(new User("ada@x.io", "ada")));
        runner().run(context -> assertThat(context.getBean(UserRepository.class).count()).isEqualTo(1));
    }

    @Test
    void aRolledBackTransactionLeavesNoTraceInMemoryFilesOrIndexes() throws Exception {
        runner().run(context -> {
            UserRepository users = context.getBean(UserRepository.class);
            OrderRepository orders = context.getBean(OrderRepository.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                User ada = users.save(new User("ada@x.io", "ada"));
                orders.save(new Order(ada.id, BigDecimal.TEN, "paid"));
                assertThat(users.findByEmail("ada@x.io")).isPresent(); // the transaction sees its own writes
                throw new IllegalStateException("payment failed");
            })).hasMessage("payment failed");
            assertThat(users.count()).isZero();
            assertThat(orders.count()).isZero();
            assertThat(users.findByEmail("ada@x.io")).isEmpty();

            transaction.executeWithoutResult(status -> {
                User bob = users.save(new User("bob@x.io", "bob"));
                orders.save(new Order(bob.id, BigDecimal.ONE, "open"));
            });
            assertThat(users.count()).isEqualTo(1);
            context.getBean(FileStore.class).flush();
        });
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString).filter(f -> !f.contains("_wal")))
                    .noneMatch(f -> readQuietly(f).contains("ada@x.io"));
        }
        assertThat(readQuietly(dir.resolve("users/indices/email.jsonl").toString())).contains("bob@x.io");
    }

    @Test
    void auditingSetsCreationAndModificationDates() {
        runner().withUserConfiguration(Audited.class).run(context -> {
            User saved = context.getBean(UserRepository.class).save(new User("ada@x.io", "ada"));
            assertThat(saved.createdAt).isNotNull();
            saved.nickname = "Countess";
            saved.createdAt = null; // a client that does not send it keeps the stored one
            context.getBean(UserRepository.class).save(saved);
            User loaded = context.getBean(UserRepository.class).findById(saved.id).orElseThrow();
            assertThat(loaded.createdAt).isNotNull();
            assertThat(loaded.updatedAt).isAfterOrEqualTo(loaded.createdAt);
        });
    }

    private static String readQuietly(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
