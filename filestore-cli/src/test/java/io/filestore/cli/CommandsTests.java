package io.filestore.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

/** Help and exit codes, and each command on real folders, run in-process as {@code main} runs them. */
class CommandsTests {

    @TempDir
    Path root;

    @Test
    void helpListsEveryCommandAndUsageErrorsExitWithTwo() {
        Cli help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check", "stats", "export", "import", "compact", "recover", "backup", "restore");
        assertThat(Cli.run("check", "--help").out()).contains("<folder>");
        assertThat(Cli.run().exitCode()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(Cli.run("check").exitCode()).as("missing folder").isEqualTo(2);
        assertThat(Cli.run("backup", "x").exitCode()).as("neither --folder nor --url").isEqualTo(2);
    }

    @Test
    void statsListsCollectionsRecordsAndTheLog() {
        Path dir = Damage.store(root.resolve("data"));
        Cli cli = Cli.run("stats", dir);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).containsPattern("users\\s+file-per-record\\s+20 ").containsPattern("audit\\s+single-file append\\s+5 ")
                .contains("values: 1").contains("log: ");
    }

    @Test
    void exportThenImportMovesEveryRecordAndValueToAStoreOfAnotherStrategy() throws Exception {
        Path dir = Damage.store(root.resolve("data"));
        Path out = root.resolve("export");
        Cli export = Cli.run("export", dir, out);
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(out.resolve("users.jsonl")).exists();
        assertThat(Files.readAllLines(out.resolve("users.jsonl"))).hasSize(20).first().asString().startsWith("{\"id\":\"u0\"");
        Path other = root.resolve("other");
        Cli imported = Cli.run("import", other, out, "--strategy", "single-file");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(other.resolve("users.json")).exists();
        try (FileStore source = FileStore.open(Damage.options(dir)); FileStore copy = FileStore.open(other)) {
            assertThat(copy.collection("users").count()).isEqualTo(20);
            source.collection("users").forEach((id, record) ->
                    assertThat(copy.collection("users").get(id)).contains(record));
            assertThat(copy.collection("audit").get("a2")).isEqualTo(source.collection("audit").get("a2"));
            assertThat(copy.getValue("version", Integer.class)).contains(3);
        }
    }

    @Test
    void anImportWithABadLineWritesNothingAndNamesTheLine() throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Files.writeString(in.resolve("users.jsonl"), "{\"id\":\"u1\",\"record\":{\"a\":1}}\n[1,2]\n");
        Cli cli = Cli.run("import", root.resolve("data"), in);
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("users.jsonl line 2");
        assertThat(root.resolve("data")).doesNotExist();
        assertThat(Cli.run("import", root.resolve("data"), in, "--strategy", "nope").err()).contains("nope");
    }

    @Test
    void compactRewritesAnAppendOnlyCollectionWithItsLiveRecordsOnly() throws Exception {
        Path dir = root.resolve("data");
        try (FileStore store = FileStore.open(Damage.options(dir))) {
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < 10; i++) {
                    store.collection("audit").put("a" + i, Damage.json("round", round));
                }
                store.flush();
            }
        }
        long before = Files.size(dir.resolve("audit.jsonl"));
        Cli cli = Cli.run("compact", dir);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(Files.size(dir.resolve("audit.jsonl"))).isLessThan(before / 5);
        assertThat(dir.resolve("audit.compacting.jsonl")).doesNotExist();
        try (FileStore store = FileStore.open(Damage.options(dir))) {
            assertThat(store.collection("audit").count()).isEqualTo(10);
            assertThat(store.collection("audit").get("a4")).contains(Damage.json("round", 29));
        }
    }

    @Test
    void recoverQuarantinesAnUnreadableRecordAndTheFolderOpens() throws Exception {
        Path dir = Damage.store(root.resolve("data"));
        Damage.garbageRecord(dir);
        Cli cli = Cli.run("recover", dir);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("QUARANTINED").contains("u3.json").contains("RECOVERED");
        assertThat(Cli.run("check", dir).exitCode()).isZero();
    }

    @Test
    void recoverPrintsALostLogAndGivesItUpOnlyWhenTold() throws Exception {
        Path dir = Damage.store(root.resolve("data"));
        Damage.deletedNewestSegment(dir);
        Cli refused = Cli.run("recover", dir);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("LOST").contains("NOT RECOVERED").contains("--accept-loss");
        Cli accepted = Cli.run("recover", dir, "--accept-loss");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.out()).contains("RECOVERED");
        try (FileStore store = FileStore.open(Damage.options(dir))) {
            assertThat(store.collection("users").count()).isEqualTo(20);
        }
    }

    @Test
    void recoverMovesAnUnreadableLogAsideOnlyWhenTold() throws Exception {
        Path dir = Damage.store(root.resolve("data"));
        Damage.flippedCheckpoint(dir);
        assertThat(Cli.run("recover", dir).exitCode()).isEqualTo(1);
        Cli accepted = Cli.run("recover", dir, "--accept-loss");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(Cli.run("check", dir).exitCode()).isZero();
    }

    @Test
    void backupThenRestoreGivesTheSameStoreAndAnIncompleteBackupIsRefused() throws Exception {
        Path dir = Damage.store(root.resolve("data"));
        Path backup = root.resolve("backup");
        Cli cli = Cli.run("backup", "--folder", dir, backup);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("backed up to");
        Path restored = root.resolve("restored");
        Cli restore = Cli.run("restore", backup, restored);
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        try (FileStore source = FileStore.open(Damage.options(dir)); FileStore copy = FileStore.open(Damage.options(restored))) {
            source.collection("users").forEach((id, record) -> assertThat(copy.collection("users").get(id)).contains(record));
            assertThat(copy.collection("audit").count()).isEqualTo(5);
        }
        assertThat(Cli.run("backup", "--folder", dir, backup).exitCode()).as("a target that is not empty").isEqualTo(1);
        Damage.incompleteMarker(backup);
        Cli refused = Cli.run("restore", backup, root.resolve("again"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("incomplete backup");
    }
}
