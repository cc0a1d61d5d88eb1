package io.filestore.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.spi.FolderLock;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A data folder the store cannot use fails startup with a report that names {@code filestore.data-dir}
 * and the problem, instead of the stack trace of the I/O error.
 */
class DataDirFailureTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void aDataDirThatIsAFileIsReported() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");

        FailureAnalysis analysis = failure("filestore.data-dir=" + file);

        assertThat(analysis.getDescription()).contains("'filestore.data-dir'", file.toString(), "is a file, not a folder");
        assertThat(analysis.getAction()).contains("filestore.data-dir");
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aDataDirInsideAFileIsReportedNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");

        FailureAnalysis analysis = failure("filestore.data-dir=" + file.resolve("data"));

        assertThat(analysis.getDescription()).contains("'filestore.data-dir'", file.toString(), "is a file");
    }

    @Test
    void aDataDirTheProcessMayNotWriteIsReported() {
        FailureAnalysis analysis = analysis(runner.withPropertyValues("filestore.data-dir=" + dir.resolve("data"))
                .withBean(FileStoreOptionsBuilderCustomizer.class, () -> options -> options.storageIO(new DeniedStorageIO())));

        assertThat(analysis.getDescription()).contains("'filestore.data-dir'", dir.resolve("data").toString(),
                "not writable");
        assertThat(analysis.getAction()).contains("filestore.data-dir");
    }

    @Test
    void aReadOnlyFolderIsReportedWhenTheProcessIsNotRoot() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root may write any folder").isNotEqualTo("root");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            FailureAnalysis analysis = failure("filestore.data-dir=" + readOnly);

            assertThat(analysis.getDescription()).contains("'filestore.data-dir'", readOnly.toString(), "not writable");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private FailureAnalysis failure(String... properties) {
        return analysis(runner.withPropertyValues(properties));
    }

    private static FailureAnalysis analysis(ApplicationContextRunner runner) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = new InvalidFileStorePropertyFailureAnalyzer().analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).as("a failure analysis").isNotNull();
        return analysis[0];
    }

    /** The real file system, except that nothing may be created: a folder without write permission. */
    private static final class DeniedStorageIO implements StorageIO {

        private final StorageIO real = StorageIO.nio();

        @Override
        public void createDirectories(Path dir) throws IOException {
            throw new AccessDeniedException(dir.toString());
        }

        @Override
        public boolean exists(Path path) {
            return real.exists(path);
        }

        @Override
        public boolean isDirectory(Path path) {
            return real.isDirectory(path);
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            return real.list(dir);
        }

        @Override
        public byte[] readAllBytes(Path file) throws IOException {
            return real.readAllBytes(file);
        }

        @Override
        public long size(Path file) throws IOException {
            return real.size(file);
        }

        @Override
        public WritableFile createNew(Path file) throws IOException {
            throw new AccessDeniedException(file.toString());
        }

        @Override
        public WritableFile openForAppend(Path file) throws IOException {
            throw new AccessDeniedException(file.toString());
        }

        @Override
        public void moveAtomically(Path source, Path target) throws IOException {
            throw new AccessDeniedException(target.toString());
        }

        @Override
        public boolean deleteIfExists(Path path) throws IOException {
            throw new AccessDeniedException(path.toString());
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            real.syncDirectory(dir);
        }

        @Override
        public FolderLock lockFolder(Path dir, String lockFileName) throws IOException {
            throw new AccessDeniedException(dir.resolve(lockFileName).toString());
        }
    }
}
