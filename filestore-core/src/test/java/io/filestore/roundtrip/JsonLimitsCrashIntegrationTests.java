package io.filestore.roundtrip;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.internal.json.Json;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM stores records at every JSON limit on every logged layout and is killed with
 * {@code kill -9}: each reopen replays the log, every acknowledged record reads back equal, and every
 * record past a limit was refused and is absent.
 */
class JsonLimitsCrashIntegrationTests {

    @TempDir
    Path root;

    @Test
    void recordsAtTheLimitsSurviveKillDashNineAndRecordsPastThemWereNeverWritten() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), LimitsCrashWriter.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("child.log").toFile())).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("DONE")) {
                lines.add(line);
            }
            assertThat(line).as("the child finished writing; see %s", root.resolve("child.log")).startsWith("DONE");
        } finally {
            child.destroyForcibly(); // SIGKILL: no flush, no close
            child.waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, ObjectNode> atTheLimits = JsonLimitsTests.atTheLimits();
        for (Layouts layout : Layouts.values()) {
            if (!layout.logged()) {
                continue;
            }
            try (FileStore store = layout.open(root.resolve(layout.name()), Json.defaultMapper())) {
                DocumentCollection c = store.collection("c");
                for (String id : atTheLimits.keySet()) {
                    assertThat(lines).as(layout + " acknowledged " + id).contains("ACK " + layout + " " + id);
                    assertThat(c.get(id).orElseThrow().equals(JsonLimitsTests.NUMBERS_BY_VALUE, atTheLimits.get(id)))
                            .as(layout + " " + id).isTrue();
                }
                JsonLimitsTests.pastTheLimits().forEach(past -> {
                    assertThat(lines).as(layout + " " + past[0]).contains("REFUSED " + layout + " " + past[0]);
                    assertThat(c.exists((String) past[0])).as(layout + " " + past[0]).isFalse();
                });
                assertThat(c.ids()).hasSize(atTheLimits.size() + 1);
                assertThat(store.getValue("big")).contains(atTheLimits.get("int-1000-digits"));
                assertThat(store.status().quarantinedFiles()).isEmpty();
            }
        }
    }
}
