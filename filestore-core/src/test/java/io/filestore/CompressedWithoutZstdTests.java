package io.filestore;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * zstd-jni is an optional dependency of filestore-core: a JVM without it opens every other strategy,
 * and a collection that needs zstd (declared {@code compressed}, or migrating away from it) fails the
 * open, naming the collection and the artifact to add, and leaves the folder as it was.
 */
class CompressedWithoutZstdTests {

    private static final Pattern ZSTD_JAR = Pattern.compile("zstd-jni-([^" + Pattern.quote(File.separator) + "]+)\\.jar");

    private static String classPathWithoutZstd;
    private static String artifact;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @BeforeAll
    static void leaveZstdOffTheClassPath() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String zstdJar = entries.stream().filter(entry -> ZSTD_JAR.matcher(entry).find()).findFirst()
                .orElseThrow(() -> new AssertionError("zstd-jni is not on the test class path: " + entries));
        Matcher version = ZSTD_JAR.matcher(zstdJar);
        assertThat(version.find()).isTrue();
        artifact = "com.github.luben:zstd-jni:" + version.group(1);
        classPathWithoutZstd = String.join(File.pathSeparator, entries.stream().filter(entry -> !entry.equals(zstdJar)).toList());
    }

    @Test
    void aCompressedCollectionFailsAtOpenNamingTheCollectionAndTheArtifact() throws Exception {
        Child child = run("archive", Strategy.COMPRESSED);

        assertThat(child.output()).contains("FAILED io.filestore.MissingDependencyException")
                .contains("'archive'").contains(artifact);
        assertThat(child.exitCode()).isEqualTo(Opener.FAILED);
        assertThat(dir.resolve("archive.jsonl.zst")).doesNotExist();
        assertThat(dir.resolve("_collections.json")).as("no layout recorded for it").satisfiesAnyOf(
                manifest -> assertThat(manifest).doesNotExist(),
                manifest -> assertThat(manifest).content().doesNotContain("archive"));
    }

    @Test
    void otherStrategiesOpenWithoutZstd() throws Exception {
        for (Strategy strategy : List.of(Strategy.FILE_PER_RECORD, Strategy.SINGLE_FILE, Strategy.MEMORY_ONLY)) {
            Child child = run("things-" + strategy.configName(), strategy);
            assertThat(child.output()).as("%s", strategy).contains("OPENED");
            assertThat(child.exitCode()).as("%s: %s", strategy, child.output()).isZero();
        }
    }

    @Test
    void migratingAwayFromCompressedFailsAtOpenAndLeavesTheFileAsItWas() throws Exception {
        try (FileStore store = FileStore.open(options(dir, "archive", Strategy.COMPRESSED))) {
            store.collection("archive").put("a1", json("n", 1));
        }
        byte[] before = Files.readAllBytes(dir.resolve("archive.jsonl.zst"));

        Child child = run("archive", Strategy.SINGLE_FILE);

        assertThat(child.output()).contains("FAILED io.filestore.MissingDependencyException")
                .contains("'archive'").contains(artifact);
        assertThat(Files.readAllBytes(dir.resolve("archive.jsonl.zst"))).isEqualTo(before);
        assertThat(dir.resolve("archive.jsonl")).doesNotExist();
        try (FileStore store = FileStore.open(options(dir, "archive", Strategy.COMPRESSED))) {
            assertThat(store.collection("archive").get("a1")).contains(json("n", 1));
        }
    }

    private Child run(String collection, Strategy strategy) throws Exception {
        Path log = Files.createTempFile(logs, "child", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPathWithoutZstd, Opener.class.getName(), dir.toString(), collection, strategy.name())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child ended within 60 s").isTrue();
        return new Child(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static FileStoreOptions options(Path dir, String collection, Strategy strategy) {
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder(collection).strategy(strategy).build()).build();
    }

    private record Child(int exitCode, String output) {
    }

    /** Child process, started without zstd-jni: opens the store with one collection and says how it went. */
    public static final class Opener {
        static final int FAILED = 3;

        public static void main(String[] args) {
            if (isPresent("com.github.luben.zstd.Zstd")) {
                System.out.println("zstd-jni is on the class path of the child; the test cannot tell anything");
                System.exit(2);
            }
            Strategy strategy = Strategy.valueOf(args[2]);
            try (FileStore store = FileStore.open(options(Path.of(args[0]), args[1], strategy))) {
                store.collection(args[1]).put("r1", json("n", 1));
                System.out.println("OPENED");
            } catch (FileStoreException e) {
                System.out.println("FAILED " + e.getClass().getName() + ": " + e.getMessage());
                System.exit(FAILED);
            }
        }

        private static boolean isPresent(String className) {
            try {
                Class.forName(className, false, Opener.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }
}
