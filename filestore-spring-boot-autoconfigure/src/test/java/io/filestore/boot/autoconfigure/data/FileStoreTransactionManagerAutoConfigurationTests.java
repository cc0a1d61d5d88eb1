package io.filestore.boot.autoconfigure.data;

import java.math.BigDecimal;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.data.repository.Order;
import io.filestore.data.repository.OrderRepository;
import io.filestore.data.repository.User;
import io.filestore.data.repository.UserRepository;
import io.filestore.data.transaction.FileStoreTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which transaction manager {@code @Transactional} uses: FileStore's when it is the only one, without
 * {@code @EnableTransactionManagement}; JDBC's (or the application's) when there is one, with
 * FileStore's still available by name; and both roll back what they should.
 */
class FileStoreTransactionManagerAutoConfigurationTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                        FileStoreDataAutoConfiguration.class, FileStoreRepositoriesAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("filestore.data-dir=" + dir);
    }

    /** As {@link #runner()}, with H2 and Boot's JDBC auto-configuration, listed first as a hint they are not. */
    private ApplicationContextRunner runnerWithJdbc() {
        return runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class));
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    @Import({Checkout.class, Ledger.class})
    static class Application {
    }

    /** FileStore work: with the default transaction manager, and with FileStore's by name. */
    static class Checkout {

        private final UserRepository users;
        private final OrderRepository orders;

        Checkout(UserRepository users, OrderRepository orders) {
            this.users = users;
            this.orders = orders;
        }

        @Transactional
        public void saveTwoAndFail(String email) {
            saveTwo(email);
            throw new IllegalStateException("payment failed");
        }

        @Transactional(FileStoreDataAutoConfiguration.TRANSACTION_MANAGER)
        public void saveTwoAndFailInFileStoresTransaction(String email) {
            saveTwo(email);
            throw new IllegalStateException("payment failed");
        }

        @Transactional(FileStoreDataAutoConfiguration.TRANSACTION_MANAGER)
        public void saveTwoInFileStoresTransaction(String email) {
            saveTwo(email);
        }

        private void saveTwo(String email) {
            User user = users.save(new User(email, "buyer"));
            orders.save(new Order(user.id, BigDecimal.TEN, "paid"));
        }
    }

    /** JDBC work, with the default transaction manager; only made when there is a JdbcTemplate. */
    static class Ledger {

        private final ObjectProvider<JdbcTemplate> jdbc;

        Ledger(ObjectProvider<JdbcTemplate> jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public void insertAndFail(String entry) {
            insert(entry);
            throw new IllegalStateException("posting failed");
        }

        @Transactional
        public void insert(String entry) {
            jdbc.getObject().update("insert into ledger(entry) values (?)", entry);
        }

        int count() {
            return jdbc.getObject().queryForObject("select count(*) from ledger", Integer.class);
        }
    }

    @Test
    void aloneFileStoresTransactionManagerIsTheDefaultAndTransactionalWorksWithoutEnablingIt() {
        runner().run(context -> {
            FileStoreTransactionManager manager = context.getBean(FileStoreDataAutoConfiguration.TRANSACTION_MANAGER,
                    FileStoreTransactionManager.class);
            assertThat(context.getBean("transactionManager")).isSameAs(manager);
            assertThat(context.getBean(PlatformTransactionManager.class)).isSameAs(manager);
            assertThat(context).hasSingleBean(TransactionTemplate.class);

            assertThatThrownBy(() -> context.getBean(Checkout.class).saveTwoAndFail("ada@x.io"))
                    .hasMessage("payment failed");
            assertThat(context.getBean(UserRepository.class).count()).isZero();
            assertThat(context.getBean(OrderRepository.class).count()).isZero();
        });
    }

    @Test
    void nextToJdbcTheJdbcTransactionManagerStaysTheDefaultAndBothRollBack() {
        runnerWithJdbc().run(context -> {
            assertThat(context.getBean("transactionManager")).isInstanceOf(JdbcTransactionManager.class);
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JdbcTransactionManager.class);
            assertThat(context.getBean(FileStoreDataAutoConfiguration.TRANSACTION_MANAGER))
                    .isInstanceOf(FileStoreTransactionManager.class);
            assertThat(context).hasSingleBean(TransactionTemplate.class);
            assertThat(context.getBean(TransactionTemplate.class).getTransactionManager())
                    .isInstanceOf(JdbcTransactionManager.class);

            Ledger ledger = context.getBean(Ledger.class);
            context.getBean(JdbcTemplate.class).execute("create table ledger (entry varchar(100))");
            assertThatThrownBy(() -> ledger.insertAndFail("refund")).hasMessage("posting failed");
            assertThat(ledger.count()).isZero();
            ledger.insert("sale");
            assertThat(ledger.count()).isEqualTo(1);

            Checkout checkout = context.getBean(Checkout.class);
            UserRepository users = context.getBean(UserRepository.class);
            OrderRepository orders = context.getBean(OrderRepository.class);
            assertThatThrownBy(() -> checkout.saveTwoAndFailInFileStoresTransaction("ada@x.io"))
                    .hasMessage("payment failed");
            assertThat(users.count()).isZero();
            assertThat(orders.count()).isZero();
            checkout.saveTwoInFileStoresTransaction("bob@x.io");
            assertThat(users.count()).isEqualTo(1);
            assertThat(orders.count()).isEqualTo(1);

            // a plain @Transactional is JDBC's: each FileStore save in it commits on its own
            assertThatThrownBy(() -> checkout.saveTwoAndFail("cid@x.io")).hasMessage("payment failed");
            assertThat(users.count()).isEqualTo(2);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTransactionManager {

        @Bean
        PlatformTransactionManager ledgerTransactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }

    @Test
    void nextToATransactionManagerOfTheApplicationThatOneStaysTheDefault() {
        runnerWithJdbc().withUserConfiguration(OwnTransactionManager.class).run(context -> {
            assertThat(context.getBean(PlatformTransactionManager.class))
                    .isSameAs(context.getBean("ledgerTransactionManager"));
            assertThat(context).doesNotHaveBean("transactionManager");
            assertThat(context.getBean(FileStoreDataAutoConfiguration.TRANSACTION_MANAGER))
                    .isInstanceOf(FileStoreTransactionManager.class);
            assertThat(context.getBean(TransactionTemplate.class).getTransactionManager())
                    .isSameAs(context.getBean("ledgerTransactionManager"));

            assertThatThrownBy(() -> context.getBean(Checkout.class).saveTwoAndFailInFileStoresTransaction("ada@x.io"))
                    .hasMessage("payment failed");
            assertThat(context.getBean(UserRepository.class).count()).isZero();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFileStoreTransactionManager {

        @Bean
        FileStoreTransactionManager myFileStoreTransactionManager(FileStore store) {
            FileStoreTransactionManager manager = new FileStoreTransactionManager(store);
            manager.setDefaultTimeout(7);
            return manager;
        }
    }

    @Test
    void aFileStoreTransactionManagerOfTheApplicationReplacesTheAutoConfiguredOne() {
        runner().withUserConfiguration(OwnFileStoreTransactionManager.class).run(context -> {
            assertThat(context).hasSingleBean(PlatformTransactionManager.class)
                    .doesNotHaveBean(FileStoreDataAutoConfiguration.TRANSACTION_MANAGER);
            assertThat(context.getBean(FileStoreTransactionManager.class).getDefaultTimeout()).isEqualTo(7);
        });
    }
}
