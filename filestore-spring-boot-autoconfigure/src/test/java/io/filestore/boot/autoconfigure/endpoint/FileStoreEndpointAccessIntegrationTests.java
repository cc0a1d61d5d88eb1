package io.filestore.boot.autoconfigure.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.MinimalApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches the endpoint over HTTP, decided by Boot's own rules as for every Actuator endpoint: not
 * exposed until the application says so, and its write operations gone under read-only access.
 */
class FileStoreEndpointAccessIntegrationTests {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEndpointIsNotExposedOverHttpByDefault() throws Exception {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(get(context, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(get(context, "/actuator/filestore").statusCode()).isEqualTo(404);
            assertThat(post(context, "/actuator/filestore/flush").statusCode()).isEqualTo(404);
            assertThat(context.getBeanNamesForType(FileStoreEndpoint.class)).isEmpty();
        }
    }

    @Test
    void readOnlyAccessKeepsTheReadsAndLeavesTheWritesOut() throws Exception {
        try (ConfigurableApplicationContext context = run("--management.endpoints.web.exposure.include=filestore",
                "--management.endpoint.filestore.access=read-only")) {
            FileStore store = context.getBean(FileStore.class);
            store.collection("orders").put("o1", Map.of("status", "NEW"));

            assertThat(get(context, "/actuator/filestore").statusCode()).isEqualTo(200);
            assertThat(post(context, "/actuator/filestore/flush").statusCode()).isIn(404, 405);
            assertThat(store.status().dirtyRecords()).as("nothing flushed").containsEntry("orders", 1);
        }
    }

    @Test
    void accessNoneRemovesTheEndpointEvenWhenExposed() throws Exception {
        try (ConfigurableApplicationContext context = run("--management.endpoints.web.exposure.include=filestore",
                "--management.endpoint.filestore.access=none")) {
            assertThat(get(context, "/actuator/filestore").statusCode()).isEqualTo(404);
        }
    }

    private ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(MinimalApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--filestore.data-dir=" + dataDir;
        all[2] = "--filestore.flush-interval=1h";
        System.arraycopy(args, 0, all, 3, args.length);
        return application.run(all);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext context, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(context, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext context, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(context, path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
