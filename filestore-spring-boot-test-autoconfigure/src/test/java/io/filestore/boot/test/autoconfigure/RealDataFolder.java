package io.filestore.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.filestore.FileStore;

/** A data folder with an application's records in it, which no slice test may change. */
final class RealDataFolder {

    /** The ids of the users {@link #seed(Path)} writes. */
    static final List<String> SEEDED_IDS = List.of("ada", "grace", "linus");

    private RealDataFolder() {
    }

    /** Empties {@code folder}, writes three users into it through a store of its own and closes that store. */
    static Path seed(Path folder) {
        deleteRecursively(folder);
        try (FileStore store = FileStore.open(folder)) {
            for (String name : SEEDED_IDS) {
                store.collection("users").put(name, Map.of("email", name + "@example.com", "username", name));
            }
        }
        return folder;
    }

    /** Every file under {@code folder} (relative path) with the SHA-256 of its content. */
    static Map<String, String> files(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
