package io.filestore.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.FileStore;
import io.filestore.FileStoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code filestore check} finds, on the same damaged folders, every kind of damage that the store's open
 * reports (refuses, or quarantines), names the file, exits 1, and changes nothing in the folder.
 */
class CheckCommandTests {

    @TempDir
    Path root;

    @Test
    void aWholeFolderChecksOk() {
        Path dir = Damage.store(root.resolve("data"));
        Cli cli = Cli.run("check", dir);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("OK: " + dir.toAbsolutePath());
    }

    @Test
    void everyKindOfDamageTheOpenReportsIsFoundNamingTheFileAndNothingChanges() throws Exception {
        record Case(String name, Damager damage) { }
        List<Case> cases = List.of(new Case("garbage record", Damage::garbageRecord),
                new Case("garbage values", Damage::garbageValues),
                new Case("flipped checkpoint", Damage::flippedCheckpoint),
                new Case("deleted newest segment", Damage::deletedNewestSegment),
                new Case("malformed manifest", Damage::malformedManifest),
                new Case("incomplete backup marker", Damage::incompleteMarker));
        for (Case each : cases) {
            Path dir = Damage.store(root.resolve(each.name().replace(' ', '-')));
            Path damaged = each.damage().apply(dir);
            Map<String, String> before = Damage.contents(dir);
            assertThat(openReports(dir)).as("%s: the open reports it", each.name()).isTrue();
            before = Damage.contents(dir); // the open above may have quarantined: check the folder as it is now
            if (each.name().startsWith("garbage")) {
                each.damage().apply(dir); // put the damage back where the open moved it from
                before = Damage.contents(dir);
            }
            Cli cli = Cli.run("check", dir);
            assertThat(cli.exitCode()).as("%s: %s", each.name(), cli).isEqualTo(1);
            assertThat(cli.out()).as("%s", each.name()).contains("PROBLEM").contains(damaged.getFileName().toString());
            assertThat(Damage.contents(dir)).as("%s: check changes nothing", each.name()).isEqualTo(before);
        }
    }

    @Test
    void aDamagedCheckpointDoesNotHideADamagedRecord() throws Exception {
        Path dir = Damage.store(root.resolve("data"));
        Damage.flippedCheckpoint(dir);
        Damage.garbageRecord(dir);
        Cli cli = Cli.run("check", dir);
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains("checkpoint.json").contains("u3.json");
    }

    @Test
    void aFolderARunningStoreHoldsIsRefused() {
        Path dir = Damage.store(root.resolve("data"));
        try (FileStore store = FileStore.open(Damage.options(dir))) {
            Cli cli = Cli.run("check", dir);
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.err()).contains(dir.toString()).contains("stop the application");
        }
    }

    /** Whether opening the folder refuses it or quarantines something (as it would report it). */
    private static boolean openReports(Path dir) {
        Throwable refused = catchThrowable(() -> {
            try (FileStore store = FileStore.open(Damage.options(dir))) {
                if (!store.status().quarantinedFiles().isEmpty()) {
                    throw new FileStoreException("quarantined " + store.status().quarantinedFiles());
                }
            }
        });
        return refused instanceof FileStoreException;
    }

    @FunctionalInterface
    interface Damager {
        Path apply(Path dir) throws Exception;
    }
}
