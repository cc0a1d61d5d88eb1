package io.filestore.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every end-to-end test of {@link SampleAppEndToEndIntegrationTests}, against the same jar started from
 * the code that {@code spring-boot:process-aot} generated at build time ({@code -Dspring.aot.enabled=true}):
 * the bean definitions, the conditions' outcomes and FileStore's entity classes are fixed then, as they
 * are in a GraalVM native image, while the rest runs on the JVM.
 */
class SampleAppAotEndToEndIntegrationTests extends SampleAppEndToEndIntegrationTests {

    @Override
    List<String> jvmOptions() {
        return List.of("-Dspring.aot.enabled=true");
    }

    @Test
    void theAppStartsFromTheGeneratedCodeWithItsEntityClassesListedAtBuildTime() throws Exception {
        Path log = temp.resolve("aot.log");
        SampleAppProcess app = SampleAppProcess.start(jvmOptions(), temp.resolve("data"), log,
                "--logging.level.io.filestore.sample.SampleApplication=INFO");
        try {
            assertThat(Files.readString(log)).contains("Starting AOT-processed SampleApplication");
        } finally {
            app.terminate();
        }

        Path sources = Path.of(System.getProperty("sample.aot.sources"));
        Path dataDefinitions;
        try (Stream<Path> files = Files.walk(sources)) {
            dataDefinitions = files.filter(file -> file.endsWith("FileStoreDataAutoConfiguration__BeanDefinitions.java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no bean definitions of FileStore's data auto-configuration under " + sources));
        }
        assertThat(Files.readString(dataDefinitions)).as("the fileStoreEntities bean, as generated")
                .contains("FileStoreEntities.from(")
                .contains("User.class", "Order.class", "Session.class", "AuditLog.class")
                .doesNotContain("EntityScanner");
    }
}
