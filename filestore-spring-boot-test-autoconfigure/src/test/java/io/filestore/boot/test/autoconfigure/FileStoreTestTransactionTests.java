package io.filestore.boot.test.autoconfigure;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test methods of a {@link FileStoreTest} run outside a transaction, as with {@code @DataMongoTest}; with
 * {@code @Transactional} on the class, each runs in a FileStore transaction rolled back at its end.
 */
class FileStoreTestTransactionTests {

    @Nested
    @FileStoreTest
    class ByDefault {

        @Autowired
        UserRepository users;

        @Test
        void aTestMethodRunsOutsideATransactionAndItsWritesStay() {
            assertThat(TestTransaction.isActive()).isFalse();
            users.save(new User("kept@example.com", "kept"));
            assertThat(users.findByEmail("kept@example.com")).isPresent();
            users.deleteAll();
        }
    }

    @Nested
    @FileStoreTest
    @Transactional
    class Transactional_ {

        @Autowired
        UserRepository users;

        @Test
        void aTestMethodRunsInATransaction() {
            assertThat(TestTransaction.isActive()).isTrue();
            users.save(new User("rolled-back@example.com", "rolled-back"));
            assertThat(users.findByEmail("rolled-back@example.com")).as("seen inside the transaction").isPresent();
        }

        @AfterTransaction
        void itsWritesAreRolledBack() {
            assertThat(users.findByEmail("rolled-back@example.com")).isEmpty();
        }
    }
}
