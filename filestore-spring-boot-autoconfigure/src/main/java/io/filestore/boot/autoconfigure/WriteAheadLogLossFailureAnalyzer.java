package io.filestore.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.filestore.WriteAheadLogLossException;

/**
 * Reports a write-ahead log with missing transactions, with the property that accepts the loss: the
 * core's message names the builder method, which a Spring Boot application does not call.
 */
final class WriteAheadLogLossFailureAnalyzer extends AbstractFailureAnalyzer<WriteAheadLogLossException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WriteAheadLogLossException cause) {
        String action = "Restore the missing segment files in " + cause.folder() + ", or, to accept the loss of "
                + "those transactions, start once with 'filestore.wal.accept-log-loss=true' (for example "
                + "--filestore.wal.accept-log-loss=true): the store then opens with what is left, logs what was lost "
                + "and reports it in its status, and later starts need the property no more.";
        String description = "The write-ahead log in " + cause.folder() + " is missing transactions it held: "
                + String.join("; ", cause.losses()) + ".";
        return new FailureAnalysis(description, action, cause);
    }
}
