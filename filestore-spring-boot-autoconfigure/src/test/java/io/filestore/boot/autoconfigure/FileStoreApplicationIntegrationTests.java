package io.filestore.boot.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.filestore.FileStore;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Spring Boot applications on real folders: the issue's YAML, startup failures, and SIGTERM. */
@ExtendWith(OutputCaptureExtension.class)
class FileStoreApplicationIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void theIssueExampleRunsAndEverythingWrittenIsOnDiskAfterTheContextCloses() throws IOException {
        try (ConfigurableApplicationContext context = run("--spring.config.name=issue-example",
                "--filestore.data-dir=" + dataDir, "--filestore.flush-interval=1h")) {
            FileStore store = context.getBean(FileStore.class);
            store.collection("users").put("u1", Map.of("email", "ann@example.com", "username", "ann"));
            store.collection("orders").put("o1", Map.of("userId", "u1", "status", "NEW"));
            store.collection("sessions").put("s1", Map.of("userId", "u1"));
            store.collection("auditLogs").put("a1", Map.of("action", "login"));

            assertThat(context.getBean(MeterRegistry.class).get("filestore.records").tag("collection", "users")
                    .gauge().value()).isEqualTo(1);
            HealthIndicator health = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
                    .getContributor("filestore");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(dataDir.resolve("orders/o1.json")).as("not flushed yet").doesNotExist();
        }

        assertThat(Files.readString(dataDir.resolve("users/u1.json"))).contains("ann@example.com");
        assertThat(Files.readString(dataDir.resolve("users/indices/email.jsonl"))).contains("ann@example.com");
        assertThat(Files.readString(dataDir.resolve("orders/o1.json"))).contains("NEW");
        assertThat(Files.readString(dataDir.resolve("orders/indices/status.jsonl"))).contains("NEW");
        assertThat(Files.readString(dataDir.resolve("logs/audit.jsonl"))).contains("login");
        assertThat(dataDir.resolve("sessions")).as("memory-only").doesNotExist();
    }

    @Test
    void aWrongStrategyFailsStartupWithAReportThatNamesThePropertyAndTheAllowedValues(CapturedOutput output) {
        Throwable failure = startupFailure("--spring.config.name=wrong-strategy", "--filestore.data-dir=" + dataDir);

        assertThat(failure).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Invalid value 'flat' for property 'filestore.collections.users.strategy' "
                        + "(from class path resource [wrong-strategy.yml] - 4:17).")
                .contains("Update 'filestore.collections.users.strategy' in your configuration. "
                        + "Allowed: file-per-record, single-file, memory-only, compressed, shared.");
    }

    @Test
    void aLockedFolderFailsStartupWithAReportThatNamesTheFolder(CapturedOutput output) throws IOException {
        try (FileStore other = FileStore.open(dataDir)) {
            startupFailure("--filestore.data-dir=" + dataDir);
        }

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Data folder " + dataDir.toRealPath() + " is locked by another FileStore in this JVM")
                .contains("set 'filestore.data-dir' to another folder");
    }

    @Test
    void sigtermFlushesAndClosesTheStore() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MinimalApplication.class.getName(),
                "--filestore.data-dir=" + dataDir, "--filestore.flush-interval=1h",
                "--filestore.collections.orders.wal=false", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output:\n" + seen).isEqualTo("READY");
            assertThat(dataDir.resolve("orders/o1.json")).as("flushed only on shutdown").doesNotExist();

            child.destroy(); // SIGTERM: the JVM runs Spring's shutdown hook
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(dataDir.resolve("orders/o1.json")).exists();
        try (FileStore reopened = FileStore.open(dataDir)) {
            assertThat(reopened.collection("orders").get("o1")).isPresent();
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(MinimalApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args);
    }

    private static Throwable startupFailure(String... args) {
        try (ConfigurableApplicationContext context = run(args)) {
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
