package io.filestore;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code kill -9} of a child JVM in the middle of {@link FileStore#backup}: the source opens with every
 * record it held, and the target is marked incomplete and refuses to open.
 */
class BackupCrashIntegrationTests {

    @TempDir
    Path root;

    @Test
    void killingTheBackupLeavesTheSourceWholeAndTheTargetClearlyIncomplete() throws Exception {
        Random random = new Random();
        for (int cycle = 0; cycle < 3; cycle++) {
            Path dir = root.resolve("data-" + cycle);
            Path target = root.resolve("backup-" + cycle);
            killMidBackup(dir, target, 3 + random.nextInt(150));
            assertThat(target.resolve("_backup.incomplete")).as("cycle %d: marker left", cycle).exists();
            assertThatThrownBy(() -> FileStore.open(BackupTests.options(target)))
                    .isInstanceOf(IncompleteBackupException.class);
            try (FileStore source = FileStore.open(BackupTests.options(dir))) {
                assertThat(source.collection("users").ids()).hasSize(BackupCrashChild.RECORDS);
                assertThat(source.collection("orders").ids()).hasSize(BackupCrashChild.RECORDS);
                assertThat(source.collection("users").get("u5")).contains(json("email", "5@x.io", "group", 5));
                assertThat(source.collection("users").findIds("group", 3)).hasSize(29);
                assertThat(source.getValue("written", Integer.class)).contains(BackupCrashChild.RECORDS);
                assertThat(source.status().quarantinedFiles()).isEmpty();
                assertThat(source.backup(root.resolve("again-" + cycle)).files()).as("a new backup works").isPositive();
            }
            assertThat(dir.resolve("_backup.staging")).doesNotExist();
        }
    }

    private static void killMidBackup(Path dir, Path target, int afterFiles) throws Exception {
        File log = dir.resolveSibling(dir.getFileName() + "-child.log").toFile();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BackupCrashChild.class.getName(),
                dir.toString(), target.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                assertThat(line).as("the backup is still running when killed; see %s", log).isNotEqualTo("DONE");
                if (line.equals("FILE " + afterFiles)) {
                    break;
                }
            }
            assertThat(line).as("child reached file %d; see %s", afterFiles, log).isNotNull();
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
