package io.filestore.boot.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real HTTP requests to a running application's port, anonymous or with HTTP Basic credentials
 * ({@code "user:password"}), for the tests that check who gets through.
 */
public final class TestHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public TestHttp(ConfigurableApplicationContext context) {
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + context.getEnvironment().getProperty("server.servlet.context-path", "");
    }

    public HttpResponse<String> get(String path, @Nullable String credentials) throws IOException, InterruptedException {
        return send(request(path, credentials).GET());
    }

    public HttpResponse<String> post(String path, String json, @Nullable String credentials)
            throws IOException, InterruptedException {
        return send(request(path, credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, @Nullable String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (credentials != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
