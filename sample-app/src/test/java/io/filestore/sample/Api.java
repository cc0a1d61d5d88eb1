package io.filestore.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client of the sample app's API, as a browser or curl would use it. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SampleAppProcess app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(SampleAppProcess app) {
        this.app = app;
    }

    /** A status code, the headers and the body, parsed when it is JSON. */
    record Reply(int status, HttpHeaders headers, String text) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The {@code Location} header, or empty. */
        String location() {
            return headers.firstValue("Location").orElse("");
        }

        JsonNode json() {
            return JSON.readTree(text);
        }

        String field(String name) {
            return json().get(name).asString();
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(app.uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(app.uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).DELETE());
    }

    /** A JSON object from alternating names and values, the values quoted unless they are numbers. */
    static String object(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
