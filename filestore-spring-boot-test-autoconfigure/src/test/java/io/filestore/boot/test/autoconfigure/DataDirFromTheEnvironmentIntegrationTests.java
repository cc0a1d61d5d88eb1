package io.filestore.boot.test.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder set by an environment variable or a system property (a CI job's {@code FILESTORE_DATA_DIR},
 * a {@code -Dfilestore.data-dir} on the Maven command line) does not move the slice either: a child JVM
 * started with one runs a {@link FileStoreTest} context ({@link SliceProbe}) that deletes all the users it
 * sees, and the folder's files are unchanged after it.
 */
class DataDirFromTheEnvironmentIntegrationTests {

    @TempDir
    Path realData;

    @Test
    void anEnvironmentVariable() throws Exception {
        assertTheSliceLeavesTheFolderAlone(Map.of("FILESTORE_DATA_DIR", realData.toString()), List.of());
    }

    @Test
    void aSystemProperty() throws Exception {
        assertTheSliceLeavesTheFolderAlone(Map.of(), List.of("-Dfilestore.data-dir=" + realData));
    }

    private void assertTheSliceLeavesTheFolderAlone(Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Map<String, String> before = RealDataFolder.files(RealDataFolder.seed(realData));

        String output = runProbe(environment, jvmOptions);

        assertThat(RealDataFolder.files(realData)).as(output).isEqualTo(before);
        assertThat(output).contains("USERS 0").containsPattern("DATA-DIR .*filestore-test-").contains("CLOSED");
    }

    private static String runProbe(Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(SliceProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process child = builder.start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            return output;
        } finally {
            child.destroyForcibly();
        }
    }
}
