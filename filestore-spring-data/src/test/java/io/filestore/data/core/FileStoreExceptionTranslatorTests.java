package io.filestore.data.core;

import java.net.ConnectException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

import io.filestore.CommitOutcomeUnknownException;
import io.filestore.SharedStoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** A shared store's database failures reach repositories as Spring's resource failures, the original as cause. */
class FileStoreExceptionTranslatorTests {

    private final FileStoreExceptionTranslator translator = new FileStoreExceptionTranslator();

    @Test
    void anUnreachableSharedStoreIsADataAccessResourceFailure() {
        SharedStoreUnavailableException down = new SharedStoreUnavailableException("PostgreSQL is down", new ConnectException());
        DataAccessException translated = translator.translateExceptionIfPossible(down);
        assertThat(translated).isInstanceOf(DataAccessResourceFailureException.class).hasCause(down);
    }

    @Test
    void anUnknownCommitOutcomeIsAResourceFailureThatStillSaysSo() {
        CommitOutcomeUnknownException unknown = new CommitOutcomeUnknownException(UUID.randomUUID(), 7, new ConnectException());
        DataAccessException translated = translator.translateExceptionIfPossible(unknown);
        assertThat(translated).isInstanceOf(DataAccessResourceFailureException.class).hasCause(unknown)
                .hasMessageContaining("may or may not have committed");
    }
}
