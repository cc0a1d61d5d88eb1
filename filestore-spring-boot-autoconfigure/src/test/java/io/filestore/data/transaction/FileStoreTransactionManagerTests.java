package io.filestore.data.transaction;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;
import io.filestore.data.repository.User;
import io.filestore.data.repository.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring's transaction contract through {@code @Transactional} over repositories, in a context built
 * as Spring Boot builds it: read-only snapshots that refuse writes, timeouts, a participant's
 * rollback-only mark, and Boot's transaction manager customizers.
 */
class FileStoreTransactionManagerTests {

    @TempDir
    Path dir;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        other.shutdownNow();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                        FileStoreDataAutoConfiguration.class, FileStoreRepositoriesAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("filestore.data-dir=" + dir);
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    @Import({Users.class, Signup.class})
    static class Application {
    }

    /** Transactional methods over the user repository. */
    static class Users {

        private final UserRepository users;

        Users(UserRepository users) {
            this.users = users;
        }

        @Transactional(readOnly = true)
        public List<List<String>> readTwice(Runnable meanwhile) {
            List<String> first = emails();
            meanwhile.run();
            return List.of(first, emails());
        }

        @Transactional(readOnly = true)
        public void saveInReadOnly(String email) {
            users.save(new User(email, "reader"));
        }

        @Transactional
        public void save(String email) {
            users.save(new User(email, "writer"));
        }

        @Transactional(timeout = 1)
        public void saveWithinOneSecond(String email) {
            users.save(new User(email, "hurried"));
        }

        @Transactional(timeout = 1)
        public void saveThenDawdle(String email, long millis) throws InterruptedException {
            users.save(new User(email, "slow"));
            Thread.sleep(millis);
        }

        @Transactional
        public void saveAndFail(String email) {
            users.save(new User(email, "failing"));
            throw new IllegalStateException("inner step failed");
        }

        List<String> emails() {
            return users.findAll().stream().map(user -> user.email).sorted().toList();
        }
    }

    /** An outer transaction whose inner step fails and is caught. */
    static class Signup {

        private final Users inner;
        private final UserRepository users;

        Signup(Users inner, UserRepository users) {
            this.inner = inner;
            this.users = users;
        }

        @Transactional
        public void saveAndSwallowTheInnerFailure(String email, String innerEmail) {
            users.save(new User(email, "outer"));
            try {
                inner.saveAndFail(innerEmail);
            } catch (IllegalStateException expected) {
                // the inner transaction participates in this one, which it marked rollback-only
            }
        }
    }

    @Test
    void aReadOnlyTransactionReadsOneSnapshotWithoutHoldingWritersOff() {
        runner().run(context -> {
            Users users = context.getBean(Users.class);
            UserRepository repository = context.getBean(UserRepository.class);
            repository.save(new User("ann@x.io", "ann"));

            List<List<String>> reads = users.readTwice(() -> onOtherThread(() -> users.save("bob@x.io")));

            assertThat(reads.get(0)).containsExactly("ann@x.io");
            assertThat(reads.get(1)).isEqualTo(reads.get(0));
            assertThat(users.emails()).containsExactly("ann@x.io", "bob@x.io");
        });
    }

    @Test
    void aWriteInAReadOnlyTransactionIsRefusedWithSpringsExceptionAndChangesNothing() {
        runner().run(context -> {
            Users users = context.getBean(Users.class);
            assertThatThrownBy(() -> users.saveInReadOnly("ann@x.io"))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("read-only").hasMessageContaining("'users'");
            assertThat(context.getBean(UserRepository.class).count()).isZero();
            users.save("bob@x.io"); // the thread's transaction ended
            assertThat(users.emails()).containsExactly("bob@x.io");
        });
    }

    @Test
    void aTimeoutBoundsTheWaitForTheWriterLockAndNothingIsCommitted() {
        runner().run(context -> {
            Users users = context.getBean(Users.class);
            FileStore store = context.getBean(FileStore.class);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = holdTheWriterLock(store, release, 2_500);
            try {
                long started = System.nanoTime();
                assertThatThrownBy(() -> users.saveWithinOneSecond("late@x.io"))
                        .isInstanceOf(TransactionTimedOutException.class).hasMessageContaining("timed out");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 2_000L);
            } finally {
                release.countDown();
            }
            holder.get(5, TimeUnit.SECONDS);
            assertThat(users.emails()).isEmpty();
            users.saveWithinOneSecond("free@x.io");
            assertThat(users.emails()).containsExactly("free@x.io");
        });
    }

    @Test
    void aCommitAfterTheDeadlineRollsBackAndReleasesTheStore() {
        runner().run(context -> {
            Users users = context.getBean(Users.class);
            assertThatThrownBy(() -> users.saveThenDawdle("slow@x.io", 1_200))
                    .isInstanceOf(TransactionTimedOutException.class).hasMessageContaining("rolled back");
            assertThat(users.emails()).isEmpty();
            onOtherThread(() -> users.save("next@x.io"));
            assertThat(users.emails()).containsExactly("next@x.io");
        });
    }

    @Test
    void aParticipantsRollbackOnlyMarkSurfacesAsUnexpectedRollbackException() {
        runner().run(context -> {
            Signup signup = context.getBean(Signup.class);
            assertThatThrownBy(() -> signup.saveAndSwallowTheInnerFailure("outer@x.io", "inner@x.io"))
                    .isInstanceOf(UnexpectedRollbackException.class);
            assertThat(context.getBean(Users.class).emails()).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        Commits commits() {
            return new Commits();
        }
    }

    static class Commits implements TransactionExecutionListener {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
            seen.add(transaction.getTransactionName() + (commitFailure == null ? "" : " failed"));
        }
    }

    @Test
    void springBootsTransactionManagerCustomizersApply() {
        runner().withUserConfiguration(Listening.class).withPropertyValues("spring.transaction.default-timeout=1s")
                .run(context -> {
                    assertThat(context.getBean(FileStoreTransactionManager.class).getDefaultTimeout()).isEqualTo(1);
                    Users users = context.getBean(Users.class);
                    users.save("ann@x.io");
                    assertThat(context.getBean(Commits.class).seen).singleElement().asString().endsWith("Users.save");

                    CountDownLatch release = new CountDownLatch(1);
                    CompletableFuture<Void> holder = holdTheWriterLock(context.getBean(FileStore.class), release, 2_500);
                    try {
                        assertThatThrownBy(() -> users.save("late@x.io")).isInstanceOf(TransactionTimedOutException.class);
                    } finally {
                        release.countDown();
                    }
                    holder.get(5, TimeUnit.SECONDS);
                    assertThat(users.emails()).containsExactly("ann@x.io");
                });
    }

    /** Another thread's write transaction, held until released or for at most the given time. */
    private CompletableFuture<Void> holdTheWriterLock(FileStore store, CountDownLatch release, long maxMillis)
            throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> store.runInTransaction(tx -> {
            holding.countDown();
            try {
                release.await(maxMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tx.setRollbackOnly();
        }), other);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private void onOtherThread(Runnable work) {
        try {
            CompletableFuture.runAsync(work, other).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The other thread's work did not complete", e);
        }
    }
}
