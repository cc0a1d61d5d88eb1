package io.filestore.boot.test.autoconfigure;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.transaction.FileStoreTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link FileStoreTest} puts in the context, and how its attributes change that. */
class FileStoreTestFiltersAndImportsTests {

    @Nested
    @FileStoreTest
    class ByDefault {

        @Autowired
        ApplicationContext context;

        @Test
        void holdsFileStoreItsRepositoriesAndTransactionManagementButNoneOfTheApplicationsComponents() {
            assertThat(context.getBeanNamesForType(FileStore.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(FileStoreTemplate.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(UserRepository.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(FileStoreTransactionManager.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(TransactionTemplate.class)).as("TransactionAutoConfiguration")
                    .hasSize(1);
            assertThat(context.getBeanNamesForType(UserService.class)).isEmpty();
        }
    }

    @Nested
    @FileStoreTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = UserService.class))
    class WithAnIncludeFilter {

        @Autowired
        UserService service;

        @Autowired
        UserRepository users;

        @Test
        void holdsTheIncludedComponentWithItsTransactionalMethods() {
            User first = new User("twice@example.com", "first");
            User second = new User("twice@example.com", "second");

            assertThatThrownBy(() -> service.saveBoth(first, second)).isInstanceOf(DuplicateKeyException.class);

            assertThat(users.findByEmail("twice@example.com")).as("rolled back with the second").isEmpty();
        }
    }

    @Nested
    @FileStoreTest(excludeAutoConfiguration = FileStoreRepositoriesAutoConfiguration.class)
    class WithAnExcludedAutoConfiguration {

        @Autowired
        ApplicationContext context;

        @Test
        void holdsTheStoreButNotWhatTheExcludedClassConfigures() {
            assertThat(context.getBeanNamesForType(FileStore.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(UserRepository.class)).isEmpty();
        }
    }
}
