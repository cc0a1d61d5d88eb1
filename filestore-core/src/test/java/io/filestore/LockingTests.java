package io.filestore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockingTests {

    @TempDir
    Path dir;

    @Test
    void aSecondOpenInTheSameJvmFailsNamingTheFolder() {
        try (FileStore first = TestStores.open(dir)) {
            assertThatThrownBy(() -> TestStores.open(dir))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining(dir.toRealPath().toString())
                    .hasMessageContaining("this JVM");
            first.collection("orders").put("o1", TestStores.json("still", "works"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (FileStore again = TestStores.open(dir)) {
            assertThat(again.collection("orders").exists("o1")).isTrue();
        }
    }

    @Test
    void aSecondOpenFromAnotherProcessFailsNamingTheFolder() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(LockHolder.READY)) {
                // skip the child's log lines
            }
            assertThat(line).isEqualTo(LockHolder.READY);
            assertThatThrownBy(() -> TestStores.open(dir))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining(dir.toRealPath().toString())
                    .hasMessageContaining("another process");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (FileStore afterChildDied = TestStores.open(dir)) {
            assertThat(afterChildDied.collection("orders").exists("from-child")).isTrue();
        }
    }

    @Test
    void deletingTheLockFileUnderARunningStoreFencesItNamingTheLockFile() throws Exception {
        Path lockFile = dir.toRealPath().resolve("_filestore.lock");
        FileStore store = TestStores.open(dir);
        DocumentCollection users = store.collection("users");
        users.put("u1", TestStores.json("email", "u1@x.io"));

        Files.delete(lockFile);

        awaitFenced(store);
        assertThat(store.status().fencedReason()).contains(lockFile.toString()).contains("deleted or replaced");
        assertThatThrownBy(() -> users.put("u2", TestStores.json("email", "u2@x.io")))
                .isInstanceOf(StoreFencedException.class).hasMessageContaining(lockFile.toString());
        assertThatThrownBy(store::flush).isInstanceOf(StoreFencedException.class);
        assertThat(users.get("u1")).isPresent(); // reads still work
        assertThatThrownBy(store::close).isInstanceOf(StoreFencedException.class);
        try (FileStore reopened = TestStores.open(dir)) {
            assertThat(reopened.collection("users").ids()).containsExactly("u1");
        }
    }

    @Test
    void replacingTheLockFileUnderARunningStoreFencesIt() throws Exception {
        Path lockFile = dir.toRealPath().resolve("_filestore.lock");
        FileStore store = TestStores.open(dir);
        Path impostor = Files.writeString(dir.resolve("impostor"), "");
        Files.move(impostor, lockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        awaitFenced(store);
        assertThat(store.status().fencedReason()).contains(lockFile.toString());
        assertThatThrownBy(store::close).isInstanceOf(StoreFencedException.class);
        assertThat(lockFile).exists(); // releasing the lock never deletes the file another store may hold
    }

    @Test
    void aStoreWhoseLockFileWasDeletedNeverFlushesOverTheProcessThatOpenedTheFolderNext() throws Exception {
        FileStore first = TestStores.open(dir);
        first.collection("users").put("u1", TestStores.json("email", "u1@x.io")); // logged: durable
        first.collection("orders").put("from-child", TestStores.json("by", "first")); // not logged, not flushed
        Files.delete(dir.resolve("_filestore.lock"));
        awaitFenced(first);

        Process child = startLockHolder();
        try {
            awaitReady(child);
            assertThatThrownBy(first::close).isInstanceOf(StoreFencedException.class);
            assertThat(Files.readString(dir.resolve("orders/from-child.json"))).contains("\"a\"").doesNotContain("first");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (FileStore afterBoth = TestStores.open(dir)) {
            assertThat(afterBoth.collection("users").exists("u1")).as("the first store's acknowledged write").isTrue();
            assertThat(afterBoth.collection("orders").get("from-child")).contains(TestStores.json("a", 1));
        }
    }

    private static void awaitFenced(FileStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!store.status().fenced() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.status().fenced()).as("fenced within 10 s").isTrue();
    }

    private Process startLockHolder() throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
    }

    /** Reads the child's output up to its READY line (skipping its log lines), failing when it ends first. */
    private static void awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals(LockHolder.READY)) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("the child's output:%n%s", seen).isEqualTo(LockHolder.READY);
    }

    /** Child process: opens a store, writes one record, prints READY and waits to be killed. */
    public static final class LockHolder {
        static final String READY = "LOCK-HOLDER-READY";

        public static void main(String[] args) throws Exception {
            FileStore store = TestStores.open(Path.of(args[0]));
            store.collection("orders").put("from-child", TestStores.json("a", 1));
            store.flush();
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
