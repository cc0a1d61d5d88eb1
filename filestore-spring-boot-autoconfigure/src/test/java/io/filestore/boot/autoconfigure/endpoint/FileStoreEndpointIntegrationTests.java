package io.filestore.boot.autoconfigure.endpoint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.MinimalApplication;
import io.filestore.cli.FileStoreCli;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint as an operator calls it: a real application on a random port with the endpoint exposed,
 * and real HTTP requests.
 */
@SpringBootTest(classes = MinimalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,filestore", "filestore.flush-interval=1h",
                "filestore.collections.orders.indexed=status", "filestore.collections.users.unique=email"})
@DirtiesContext
class FileStoreEndpointIntegrationTests {

    @TempDir
    static Path temp;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    FileStore store;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("filestore.data-dir", () -> temp.resolve("data").toString());
        registry.add("filestore.backup.root", () -> temp.resolve("backups").toString());
    }

    @Test
    void theStoreShowsItsCollectionsIndexesPendingWritesLogAndState() throws Exception {
        store.collection("orders").put("o1", Map.of("status", "NEW"));
        store.collection("orders").put("o2", Map.of("status", "PAID"));
        store.collection("users").put("u1", Map.of("email", "ann@example.com"));

        HttpResponse<String> response = get("/actuator/filestore");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("state").asString()).isEqualTo("OPEN");
        assertThat(body.path("fenced").asBoolean()).isFalse();
        assertThat(body.path("dataDir").asString()).isEqualTo(temp.resolve("data").toString());
        JsonNode orders = body.path("collections").path("orders");
        assertThat(orders.path("records").asInt()).isEqualTo(2);
        assertThat(orders.path("dirtyRecords").asInt()).as("flush interval of an hour").isEqualTo(2);
        assertThat(orders.path("strategy").asString()).isEqualTo("file-per-record");
        assertThat(orders.path("indexes").get(0).path("field").asString()).isEqualTo("status");
        assertThat(orders.path("indexes").get(0).path("keys").asInt()).isEqualTo(2);
        assertThat(body.path("collections").path("users").path("indexes").get(0).path("unique").asBoolean()).isTrue();
        assertThat(body.path("log").path("lastSequence").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(body.path("log").has("checkpointSequence")).isTrue();
        assertThat(body.path("flush").has("lastDuration")).isTrue();
        assertThat(body.path("writeBacklog").path("dirtyRecords").asLong()).isPositive();
        assertThat(body.path("quarantinedFiles").isArray()).isTrue();
    }

    @Test
    void oneCollectionIsReadBySelectorAndAnUnknownOneIsNotFoundAndNotCreated() throws Exception {
        store.collection("orders").put("o1", Map.of("status", "NEW"));

        HttpResponse<String> orders = get("/actuator/filestore/orders");
        HttpResponse<String> unknown = get("/actuator/filestore/nothing");

        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(orders.body()).path("records").asInt()).isPositive();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(store.collectionNames()).doesNotContain("nothing");
    }

    @Test
    void flushWritesThePendingRecordsToTheirFilesNow() throws Exception {
        store.collection("orders").put("o9", Map.of("status", "NEW"));
        assertThat(temp.resolve("data/orders/o9.json")).as("not flushed yet").doesNotExist();

        HttpResponse<String> response = post("/actuator/filestore/flush", "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("operation").asString()).isEqualTo("flush");
        assertThat(body.path("sequence").asLong()).isEqualTo(store.status().lastSequence());
        assertThat(temp.resolve("data/orders/o9.json")).isRegularFile();
        assertThat(store.status().dirtyRecords()).containsEntry("orders", 0);
    }

    @Test
    void anUnknownOperationIsABadRequestThatChangesNothing() throws Exception {
        long before = store.status().lastSequence();

        assertThat(post("/actuator/filestore/compact", "").statusCode()).isEqualTo(400);
        assertThat(store.status().lastSequence()).isEqualTo(before);
    }

    @Test
    void aBackupOutsideTheRootIsRefusedAndWritesNothing() throws Exception {
        Path outside = temp.resolve("elsewhere");

        HttpResponse<String> relative = post("/actuator/filestore/backup", "{\"folder\": \"../elsewhere\"}");
        HttpResponse<String> absolute = post("/actuator/filestore/backup", "{\"folder\": \"" + outside + "\"}");
        HttpResponse<String> unnamed = post("/actuator/filestore/backup", "{}");

        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(absolute.statusCode()).isEqualTo(400);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(outside).doesNotExist();
    }

    @Test
    void backupWritesACopyUnderTheRootThatOpensWithTheSameRecords() throws Exception {
        store.collection("orders").put("b1", Map.of("status", "NEW"));

        HttpResponse<String> response = post("/actuator/filestore/backup", "{\"folder\": \"nightly-1\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("target").asString()).isEqualTo(temp.resolve("backups/nightly-1").toString());
        assertThat(body.path("sequence").asLong()).isPositive();
        try (FileStore copy = FileStore.open(temp.resolve("backups/nightly-1"))) {
            assertThat(copy.collection("orders").get("b1")).isPresent();
        }
    }

    @Test
    void theCommandLineToolBacksARunningAppUpThroughTheEndpoint() throws Exception {
        store.collection("orders").put("c1", Map.of("status", "PAID"));
        StringWriter out = new StringWriter();
        CommandLine cli = FileStoreCli.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("backup", "--url", uri("/actuator/filestore").toString(), "from-cli");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(JSON.readTree(out.toString()).path("operation").asString()).isEqualTo("backup");
        try (FileStore copy = FileStore.open(temp.resolve("backups/from-cli"))) {
            assertThat(copy.collection("orders").get("c1")).isPresent();
        }
        assertThat(cli.execute("backup", "--url", uri("/actuator/filestore").toString(), "../outside"))
                .as("a folder outside the root: the endpoint's 400").isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
