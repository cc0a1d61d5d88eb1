package io.filestore.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable jar the build packages: {@code java -jar filestore-cli-*.jar}, help and a check. */
class CliJarIntegrationTests {

    @TempDir
    Path root;

    @Test
    void theRunnableJarPrintsHelpAndChecksAFolder() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("filestore-cli-.*\\.jar")
                    && !file.getFileName().toString().contains("original")).findFirst().orElseThrow();
        }
        assertThat(run(jar, "--help")).startsWith("0\n").contains("Usage: filestore");
        Path dir = Damage.store(root.resolve("data"));
        assertThat(run(jar, "check", dir.toString())).startsWith("0\n").contains("OK:");
        Damage.garbageRecord(dir);
        assertThat(run(jar, "check", dir.toString())).startsWith("1\n").contains("u3.json");
    }

    private static String run(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + "\n" + output;
    }
}
