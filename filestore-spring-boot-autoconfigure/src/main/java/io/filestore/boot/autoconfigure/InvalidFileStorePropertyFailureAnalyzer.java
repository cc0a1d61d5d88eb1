package io.filestore.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a wrong {@code filestore.*} property: which one, its value, where it was set and what is
 * allowed.
 */
final class InvalidFileStorePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFileStorePropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidFileStorePropertyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
