package io.filestore.boot.autoconfigure.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupFoldersTests {

    @TempDir
    Path temp;

    @Test
    void aNamedFolderResolvesUnderTheRoot() {
        BackupFolders folders = new BackupFolders(temp.resolve("backups"));

        assertThat(folders.resolve("nightly-1")).isEqualTo(temp.resolve("backups/nightly-1"));
        assertThat(folders.resolve("2026/05/01")).isEqualTo(temp.resolve("backups/2026/05/01"));
        assertThat(folders.resolve(temp.resolve("backups/abs").toString())).isEqualTo(temp.resolve("backups/abs"));
    }

    @Test
    void withoutARootEveryBackupIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new BackupFolders(null).resolve("nightly-1"))
                .isInstanceOf(InvalidEndpointRequestException.class)
                .hasMessageContaining("filestore.backup.root");
    }

    @Test
    void aFolderOutsideTheRootOrTheRootItselfIsRefused() {
        BackupFolders folders = new BackupFolders(temp.resolve("backups"));

        for (String outside : new String[] {"..", "../data", "a/../../data", temp.toString(), ".", "/etc"}) {
            assertThatThrownBy(() -> folders.resolve(outside)).as(outside)
                    .isInstanceOf(InvalidEndpointRequestException.class)
                    .hasMessageContaining("outside filestore.backup.root");
        }
    }

    @Test
    void anUnnamedFolderIsRefused() {
        BackupFolders folders = new BackupFolders(temp.resolve("backups"));

        assertThatThrownBy(() -> folders.resolve(" ")).isInstanceOf(InvalidEndpointRequestException.class)
                .hasMessageContaining("Name the backup's folder");
        assertThatThrownBy(() -> folders.resolve(null)).isInstanceOf(InvalidEndpointRequestException.class);
    }

    @Test
    void aLinkUnderTheRootThatLeadsOutOfItIsRefused() throws Exception {
        Path root = Files.createDirectories(temp.resolve("backups"));
        Files.createDirectories(temp.resolve("data"));
        Files.createSymbolicLink(root.resolve("escape"), temp.resolve("data"));

        assertThatThrownBy(() -> new BackupFolders(root).resolve("escape/copy"))
                .isInstanceOf(InvalidEndpointRequestException.class)
                .hasMessageContaining("outside filestore.backup.root");
    }
}
