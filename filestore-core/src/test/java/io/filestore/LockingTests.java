package io.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        } catch (java.io.IOException e) {
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
