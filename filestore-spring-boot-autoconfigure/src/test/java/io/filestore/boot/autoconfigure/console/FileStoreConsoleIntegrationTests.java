package io.filestore.boot.autoconfigure.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.MinimalApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's page and the JSON it reads, over real HTTP from a real application on the loopback
 * address (the page itself is driven in Chromium by the sample app's ConsoleBrowserIntegrationTests).
 */
@SpringBootTest(classes = MinimalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"filestore.console.enabled=true", "server.address=127.0.0.1", "filestore.flush-interval=1h",
                "filestore.collections.orders.indexed=status"})
@DirtiesContext
class FileStoreConsoleIntegrationTests {

    @TempDir
    static Path temp;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    FileStore store;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("filestore.data-dir", () -> temp.resolve("data").toString());
    }

    @Test
    void thePageIsServedAtTheConsolePathAndTheBarePathLeadsToIt() throws Exception {
        HttpResponse<String> page = get("/filestore-console/");
        HttpResponse<String> bare = get("/filestore-console");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>FileStore console</title>", "console.js");
        assertThat(get("/filestore-console/console.js").body()).contains("EventSource");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/filestore-console/");
    }

    @Test
    void collectionsAreListedWithCountsAndAnUnknownOneIsNotFoundAndNotCreated() throws Exception {
        store.collection("orders").put("o1", Map.of("status", "NEW"));

        JsonNode collections = JSON.readTree(get("/filestore-console/api/collections").body());
        JsonNode orders = null;
        for (JsonNode collection : collections) {
            if (collection.path("name").asString().equals("orders")) {
                orders = collection;
            }
        }

        assertThat(orders).as(collections.toString()).isNotNull();
        assertThat(orders.path("records").asInt()).isPositive();
        assertThat(orders.path("indexes").get(0).path("field").asString()).isEqualTo("status");
        assertThat(get("/filestore-console/api/collections/nothing/records").statusCode()).isEqualTo(404);
        assertThat(store.collectionNames()).doesNotContain("nothing");
    }

    @Test
    void aRecordIsReadByIdEvenWithCharactersAPathCannotHold() throws Exception {
        store.collection("orders").put("a/b c", Map.of("status", "PAID"));

        HttpResponse<String> record = get("/filestore-console/api/collections/orders/record?id=a%2Fb%20c");
        HttpResponse<String> missing = get("/filestore-console/api/collections/orders/record?id=none");

        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(record.body()).path("status").asString()).isEqualTo("PAID");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void aQueryAnswersItsRowsItsPlanAndItsTiming() throws Exception {
        store.collection("orders").put("q1", Map.of("status", "SHIPPED", "total", 5));
        store.collection("orders").put("q2", Map.of("status", "SHIPPED", "total", 9));

        HttpResponse<String> response = post("/filestore-console/api/collections/orders/query",
                "{\"conditions\": [{\"field\": \"status\", \"op\": \"eq\", \"value\": \"SHIPPED\"}],"
                        + " \"sort\": [{\"field\": \"total\", \"descending\": true}], \"limit\": 10}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("ids").toString()).isEqualTo("[\"q2\",\"q1\"]");
        assertThat(result.path("plan").path("access").asString()).isEqualTo("INDEX_LOOKUP");
        assertThat(result.path("planText").asString()).startsWith("index lookup");
        assertThat(result.has("tookMicros")).isTrue();
    }

    @Test
    void aWrongQueryIsABadRequestThatSaysWhatIsAllowed() throws Exception {
        HttpResponse<String> response = post("/filestore-console/api/collections/orders/query",
                "{\"conditions\": [{\"field\": \"status\", \"op\": \"like\", \"value\": \"x\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString())
                .contains("'like'", "eq, ne, gt, gte, lt, lte, startsWith or contains");
    }

    @Test
    @Timeout(120) // a guard against a stream that never sends, not a measurement
    void aCommittedChangeArrivesAsAServerSentEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/filestore-console/api/changes"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        try (Stream<String> lines = stream.body()) {
            var events = lines.filter(line -> line.startsWith("data:")).iterator();
            assertThat(events.next()).as("the hello event").contains("sequence");

            store.collection("orders").put("live-1", Map.of("status", "NEW"));

            JsonNode change = JSON.readTree(events.next().substring("data:".length()));
            assertThat(change.path("records").get(0).path("id").asString()).isEqualTo("live-1");
            assertThat(change.path("records").get(0).path("type").asString()).isEqualTo("CREATED");
            assertThat(change.path("sequence").asLong()).isEqualTo(store.status().lastSequence());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
