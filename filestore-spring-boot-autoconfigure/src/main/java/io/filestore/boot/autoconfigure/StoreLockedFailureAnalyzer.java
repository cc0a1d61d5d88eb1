package io.filestore.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.filestore.StoreLockedException;

/**
 * Reports a data folder that another store holds, from another process or another Spring context in
 * this JVM, naming the folder.
 */
final class StoreLockedFailureAnalyzer extends AbstractFailureAnalyzer<StoreLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreLockedException cause) {
        String folder = String.valueOf(cause.folder());
        String action = "Stop what holds " + folder + " (another run of this application, or another running "
                + "Spring context in this JVM), or set 'filestore.data-dir' to another folder. In tests, give each "
                + "Spring context its own folder, for example a @TempDir passed through @DynamicPropertySource.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
