package io.filestore.data.core;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

import io.filestore.CorruptedFileException;
import io.filestore.FileStoreException;
import io.filestore.InvalidIdException;
import io.filestore.InvalidOptionsException;
import io.filestore.InvalidRecordException;
import io.filestore.ReadOnlyTransactionException;
import io.filestore.ReferentialIntegrityException;
import io.filestore.StorageException;
import io.filestore.StoreClosedException;
import io.filestore.StoreFencedException;
import io.filestore.StoreLockedException;
import io.filestore.UniqueConstraintException;
import io.filestore.WriteAheadLogException;

/**
 * Translates FileStore's exceptions into Spring's {@link DataAccessException} hierarchy: a unique
 * violation is a {@link DuplicateKeyException}, a refused delete a {@link DataIntegrityViolationException},
 * a bad id, record or option, or a write in a read-only transaction, an
 * {@link InvalidDataAccessApiUsageException}, a disk, log, lock or closed-store failure a
 * {@link DataAccessResourceFailureException}, as is a shared store's unreachable database
 * ({@code SharedStoreUnavailableException}, a {@link StorageException}) and a commit whose outcome was
 * unknown ({@code CommitOutcomeUnknownException}, whose message says so). The original is always the cause.
 */
public class FileStoreExceptionTranslator implements PersistenceExceptionTranslator {

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (!(ex instanceof FileStoreException)) {
            return null;
        }
        String message = ex.getMessage();
        if (ex instanceof UniqueConstraintException) {
            return new DuplicateKeyException(message, ex);
        }
        if (ex instanceof ReferentialIntegrityException) {
            return new DataIntegrityViolationException(message, ex);
        }
        if (ex instanceof InvalidIdException || ex instanceof InvalidRecordException || ex instanceof InvalidOptionsException
                || ex instanceof ReadOnlyTransactionException) {
            return new InvalidDataAccessApiUsageException(message, ex);
        }
        if (ex instanceof StorageException || ex instanceof StoreFencedException || ex instanceof StoreClosedException
                || ex instanceof StoreLockedException || ex instanceof WriteAheadLogException
                || ex instanceof CorruptedFileException) {
            return new DataAccessResourceFailureException(message, ex);
        }
        return new UncategorizedDataAccessException(message, ex) {
        };
    }

    /** The translation, or the exception itself when it is not FileStore's. */
    public RuntimeException translate(RuntimeException ex) {
        DataAccessException translated = translateExceptionIfPossible(ex);
        return translated != null ? translated : ex;
    }
}
