package io.filestore.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.filestore.FileStoreOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration processor's output, which IDEs read to complete and explain the properties. */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyHasADescriptionAndTheDocumentedDefault() throws IOException {
        Map<String, JsonNode> properties = properties();

        assertThat(properties).containsOnlyKeys("filestore.data-dir", "filestore.flush-interval", "filestore.watch",
                "filestore.max-dirty-records", "filestore.wal.fsync-interval", "filestore.wal.accept-log-loss",
                "filestore.wal.max-unflushed-size", "filestore.repositories.enabled", "filestore.collections",
                "filestore.backup.root", "filestore.console.enabled", "filestore.console.path",
                "filestore.console.allow-remote", "management.endpoint.filestore.access",
                "management.endpoint.filestore.cache.time-to-live",
                "filestore.shared.enabled", "filestore.shared.url", "filestore.shared.username", "filestore.shared.password",
                "filestore.shared.retention", "filestore.shared.instance-timeout",
                "management.health.filestore.enabled");
        properties.forEach((name, property) ->
                assertThat(property.path("description").asString()).as(name).isNotBlank().endsWith("."));
        assertThat(properties.get("filestore.data-dir").path("defaultValue").asString()).isEqualTo("./data");
        assertThat(properties.get("filestore.flush-interval").path("defaultValue").asString()).isEqualTo("2s");
        assertThat(properties.get("filestore.watch").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("filestore.wal.fsync-interval").path("defaultValue").asInt()).isZero();
        assertThat(properties.get("filestore.repositories.enabled").path("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("filestore.wal.accept-log-loss").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("filestore.max-dirty-records").path("defaultValue").asInt())
                .isEqualTo(FileStoreOptions.DEFAULT_MAX_DIRTY_RECORDS);
        assertThat(properties.get("filestore.wal.max-unflushed-size").path("defaultValue").asString()).isEqualTo("64MB");
        assertThat(properties.get("management.health.filestore.enabled").path("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("filestore.console.enabled").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("filestore.console.path").path("defaultValue").asString()).isEqualTo("/filestore-console");
        assertThat(properties.get("filestore.console.allow-remote").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("filestore.shared.enabled").path("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("filestore.shared.retention").path("defaultValue").asString()).isEqualTo("1h");
        assertThat(properties.get("filestore.shared.instance-timeout").path("defaultValue").asString()).isEqualTo("30s");
        assertThat(properties.get("filestore.shared.url").path("description").asString()).contains("DataSource");
    }

    @Test
    void allowRemoteSaysItIsDangerous() throws IOException {
        assertThat(properties().get("filestore.console.allow-remote").path("description").asString())
                .contains("Dangerous", "every record");
    }

    @Test
    void acceptLogLossSaysWhatItAcceptsAndWhenToSetIt() throws IOException {
        assertThat(properties().get("filestore.wal.accept-log-loss").path("description").asString())
                .contains("missing transactions", "for one start");
    }

    @Test
    void theBacklogBoundsSayThatWritersAreSlowedNeverFailed() throws IOException {
        Map<String, JsonNode> properties = properties();
        assertThat(properties.get("filestore.max-dirty-records").path("description").asString())
                .contains("waits for the flusher", "never failed", "0 for no bound");
        assertThat(properties.get("filestore.wal.max-unflushed-size").path("description").asString())
                .contains("waits for the flusher", "never failed", "0 for no bound");
    }

    @Test
    void theStrategiesAndFormatsAreHintedWithADescriptionEach() throws IOException {
        Map<String, JsonNode> hints = new HashMap<>();
        for (JsonNode hint : metadata().path("hints")) {
            hints.put(hint.path("name").asString(), hint);
        }

        assertThat(hints).containsOnlyKeys("filestore.collections.values.strategy", "filestore.collections.values.format");
        assertThat(hints.get("filestore.collections.values.strategy").path("values").findValuesAsString("value"))
                .containsExactly("file-per-record", "single-file", "memory-only", "compressed", "shared");
        assertThat(hints.get("filestore.collections.values.format").path("values").findValuesAsString("value"))
                .containsExactly("json", "jsonl");
        hints.values().forEach(hint -> hint.path("values").forEach(value ->
                assertThat(value.path("description").asString()).as(value.toString()).isNotBlank().endsWith(".")));
    }

    @Test
    void theKeysThatStartupAcceptsAreTheDocumentedOnes() throws IOException {
        List<String> documented = properties().keySet().stream().filter(name -> name.startsWith("filestore."))
                .filter(name -> !name.equals("filestore.collections")).sorted().toList();

        assertThat(FileStorePropertyKeys.storeKeys()).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void theCollectionsDescriptionNamesEveryKeyACollectionAccepts() throws IOException {
        JsonNode collections = properties().get("filestore.collections");

        assertThat(collections.path("type").asString()).endsWith("FileStoreProperties$Collection>");
        assertThat(collections.path("description").asString())
                .contains("strategy, path, indexed, unique, wal, ttl, format and append-only");
    }

    private static Map<String, JsonNode> properties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode property : metadata().path("properties")) {
            properties.put(property.path("name").asString(), property);
        }
        return properties;
    }

    /** This module's metadata file, not one of the Spring Boot jars' on the same class path. */
    private static JsonNode metadata() throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            if (url.toString().contains("filestore-spring-boot-autoconfigure")) {
                try (InputStream in = url.openStream()) {
                    return JsonMapper.builder().build().readTree(in);
                }
            }
        }
        throw new IllegalStateException("no spring-configuration-metadata.json of this module on the class path");
    }
}
