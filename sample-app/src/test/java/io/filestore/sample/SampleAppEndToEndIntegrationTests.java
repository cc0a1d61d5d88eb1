package io.filestore.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static io.filestore.sample.Api.object;
import static io.filestore.sample.Bursts.awaitAtLeast;
import static io.filestore.sample.Bursts.burst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample jar, started as its own JVM on a free port and a temporary data folder, used over
 * HTTP as a client would: the API's answers, the files it leaves on disk, and what survives
 * {@code kill -9} and SIGTERM.
 */
class SampleAppEndToEndIntegrationTests {

    @TempDir
    Path temp;

    private SampleAppProcess app;

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.kill();
        }
    }

    @Test
    void apiAnswersAsDocumentedAndLeavesRecordFilesAndIndexLinesOnDisk() throws Exception {
        Path data = temp.resolve("data");
        app = start(data, "--filestore.collections.sessions.ttl=3s");
        Api api = new Api(app);

        Api.Reply ann = api.post("/api/users", object("email", "ann@example.com", "username", "ann", "name", "Ann"));
        assertThat(ann.status()).isEqualTo(201);
        String annId = ann.field("id");
        assertThat(ann.location()).isEqualTo(app.uri("/api/users/" + annId).toString());
        assertThat(ann.json().get("version").asLong()).isZero();
        assertThat(api.post("/api/users", object("email", "bob@example.com", "username", "bob")).status()).isEqualTo(201);

        Api.Reply duplicate = api.post("/api/users", object("email", "ann@example.com", "username", "ann2"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.field("detail")).contains("email").contains("ann@example.com")
                .as("another user's internal id stays private").doesNotContain(annId);
        assertThat(duplicate.json().get("errors").get("email").asString()).contains("taken");
        Api.Reply malformed = api.post("/api/users", "{\"email\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).contains("json");
        assertThat(malformed.json().get("status").asInt()).isEqualTo(400);
        Api.Reply invalidEmail = api.post("/api/users", object("email", "not-an-email", "username", "x"));
        assertThat(invalidEmail.status()).isEqualTo(400);
        assertThat(invalidEmail.json().get("errors").has("email")).isTrue();
        Api.Reply missingEmail = api.post("/api/users", object("username", "x"));
        assertThat(missingEmail.status()).isEqualTo(400);
        assertThat(missingEmail.json().get("errors").has("email")).isTrue();

        assertThat(api.get("/api/users/" + annId).field("email")).isEqualTo("ann@example.com");
        assertThat(api.get("/api/users/no-such-user").status()).isEqualTo(404);
        JsonNode byEmail = api.get("/api/users?email=ann@example.com").json();
        assertThat(byEmail.size()).isEqualTo(1);
        assertThat(byEmail.get(0).get("id").asString()).isEqualTo(annId);
        JsonNode page = api.get("/api/users?page=0&size=20&sort=username").json();
        assertThat(page.get("content").findValuesAsString("username")).containsExactly("ann", "bob");
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(2);

        Api.Reply invalidUpdate = api.put("/api/users/" + annId, object("email", "not-an-email", "username", "ann", "version", 0));
        assertThat(invalidUpdate.status()).isEqualTo(400);
        assertThat(invalidUpdate.field("detail")).startsWith("Invalid request content");
        assertThat(invalidUpdate.json().get("errors").get("email").asString()).contains("email");
        Api.Reply stale = api.put("/api/users/" + annId, object("email", "ann@example.com", "username", "annie", "version", 7));
        assertThat(stale.status()).isEqualTo(409);
        Api.Reply updated = api.put("/api/users/" + annId, object("email", "ann@example.com", "username", "annie", "version", 0));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);
        assertThat(api.put("/api/users/" + annId, object("email", "ann@example.com", "username", "annie", "version", 0))
                .status()).isEqualTo(409);

        Api.Reply order = api.post("/api/orders", object("userId", annId, "total", new BigDecimal("19.90"), "status", "NEW"));
        assertThat(order.status()).isEqualTo(201);
        String orderId = order.field("id");
        assertThat(order.location()).isEqualTo(app.uri("/api/orders/" + orderId).toString());
        assertThat(api.post("/api/orders", object("userId", annId, "total", 5, "status", "PAID")).status()).isEqualTo(201);
        assertThat(api.post("/api/orders", object("userId", "nobody", "total", 5, "status", "NEW")).status()).isEqualTo(400);
        assertThat(api.get("/api/orders?status=NEW").json().findValuesAsString("id")).containsExactly(orderId);
        assertThat(api.get("/api/users/" + annId + "/orders").json().findValuesAsString("status"))
                .containsExactlyInAnyOrder("NEW", "PAID");

        Api.Reply session = api.post("/api/sessions", object("userId", annId));
        assertThat(session.status()).isEqualTo(201);
        assertThat(session.location()).isEqualTo(app.uri("/api/sessions/" + session.field("id")).toString());
        assertThat(api.get("/api/sessions").json().findValuesAsString("id")).containsExactly(session.field("id"));
        assertThat(api.get("/api/sessions/" + session.field("id")).status()).isEqualTo(200);

        Api.Reply bob = api.get("/api/users?email=bob@example.com");
        String bobId = bob.json().get(0).get("id").asString();
        assertThat(api.delete("/api/users/" + bobId).status()).isEqualTo(204);
        assertThat(api.get("/api/users/" + bobId).status()).isEqualTo(404);
        assertThat(api.delete("/api/users/" + bobId).status()).isEqualTo(404);
        assertThat(api.get("/api/audit-logs?limit=2").json().findValuesAsString("action"))
                .containsExactly("user.deleted", "user.updated");
        assertThat(api.get("/api/audit-logs?limit=10").json().size()).isEqualTo(4);
        for (String limit : List.of("0", "-5", "1001")) {
            Api.Reply outOfRange = api.get("/api/audit-logs?limit=" + limit);
            assertThat(outOfRange.status()).as(limit).isEqualTo(400);
            assertThat(outOfRange.contentType()).as(limit).contains("application/problem+json");
            assertThat(outOfRange.json().get("status").asInt()).isEqualTo(400);
            assertThat(outOfRange.field("detail")).as(limit).contains("limit").contains("between 1 and 1000");
            assertThat(outOfRange.json().get("errors").get("limit").asString()).contains("between 1 and 1000");
        }
        Api.Reply notANumber = api.get("/api/audit-logs?limit=many");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).contains("application/problem+json");

        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("components").get("filestore").get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/metrics").json().get("names").valueStream().map(JsonNode::asString))
                .contains("filestore.records", "filestore.writes", "filestore.wal.fsync.latency");
        assertThat(api.get("/").text()).contains("<h1>FileStore sample</h1>");

        // the flusher writes the changes within its 2 s interval
        eventually(() -> {
            String annFile = Files.readString(data.resolve("users").resolve(annId + ".json"));
            assertThat(annFile).contains("\"username\" : \"annie\"").contains("\"email\" : \"ann@example.com\"");
            assertThat(Files.exists(data.resolve("users").resolve(bobId + ".json"))).isFalse();
            assertThat(Files.readAllLines(data.resolve("users/indices/email.jsonl")))
                    .containsExactly("{\"key\":\"ann@example.com\",\"rowId\":\"" + annId + "\"}");
            assertThat(Files.readAllLines(data.resolve("orders/indices/status.jsonl")))
                    .contains("{\"key\":\"NEW\",\"rowId\":\"" + orderId + "\"}");
            assertThat(Files.exists(data.resolve("orders").resolve(orderId + ".json"))).isTrue();
            assertThat(Files.readAllLines(data.resolve("logs/audit.jsonl")))
                    .filteredOn(line -> !line.startsWith("{\"flush\":")).hasSize(4); // flush marks aside
        });
        assertThat(Files.exists(data.resolve("sessions"))).as("memory-only sessions never reach the disk").isFalse();
        assertThat(filesOutside(data)).as("files written outside the data folder").isEmpty();
        eventually(() -> assertThat(api.get("/api/sessions/" + session.field("id")).status())
                .as("the session after its 3 s TTL").isEqualTo(404));

        assertThat(app.terminate()).isIn(0, 143);
    }

    /**
     * Every 4xx and 5xx is an RFC 9457 problem document, whether the application answers or the web server
     * refuses the request before any controller sees it (an encoded {@code /}, {@code \\} or NUL in the path).
     */
    @Test
    void everyErrorIsAProblemDocumentThatNamesWhatWasWrong() throws Exception {
        Path data = temp.resolve("data");
        app = start(data);
        Api api = new Api(app);
        String annId = api.post("/api/users", object("email", "ann@example.com", "username", "ann")).field("id");

        // refused by the web server: never reaches a controller, never names a file
        for (String hostile : List.of("..%2F..%2Fetc%2Fpasswd", "..%2F..%2F..%2Fx", "..%5C..%5Cwindows", "a%5Cb",
                "a%00b", "%E0%A4", "a%C3%28")) {
            for (Api.Reply reply : List.of(api.get("/api/users/" + hostile),
                    api.put("/api/users/" + hostile, object("email", "h@example.com", "username", "h", "version", 0)),
                    api.delete("/api/users/" + hostile), api.get("/api/orders/" + hostile))) {
                assertProblem(reply, 400, hostile);
            }
        }
        // refused by FileStore: a 400 on every method, naming the parameter
        for (String invalid : List.of("x".repeat(400), "a%01b", "tab%09", "%7Bjakarta.validation.constraints.NotNull.message%7D%01")) {
            for (Api.Reply reply : List.of(api.get("/api/users/" + invalid),
                    api.put("/api/users/" + invalid, object("email", "h@example.com", "username", "h", "version", 0)),
                    api.delete("/api/users/" + invalid), api.get("/api/users/" + invalid + "/orders"),
                    api.get("/api/orders/" + invalid), api.get("/api/sessions/" + invalid))) {
                assertProblem(reply, 400, invalid);
                assertThat(reply.json().get("errors").get("id").asString()).as(invalid).contains("id")
                        .doesNotContain("must not be null");
            }
        }
        // ids FileStore stores safely (encoded on disk): simply not there
        for (String stored : List.of("%2E%2E", "CON", "a%7Bb", "..", "%24%7B1%2B1%7D")) {
            assertProblem(api.get("/api/users/" + stored), 404, stored);
            assertProblem(api.delete("/api/users/" + stored), 404, stored);
        }
        assertProblem(api.get("/api/orders/no-such-order"), 404, "unknown order");
        assertProblem(api.get("/api/nope"), 404, "unmapped path");
        assertProblem(api.delete("/api/users"), 405, "DELETE of the collection");

        Api.Reply missingStatus = api.get("/api/orders");
        assertProblem(missingStatus, 400, "orders without status");
        assertThat(missingStatus.field("detail")).contains("'status'");
        assertThat(missingStatus.json().get("errors").has("status")).isTrue();

        Api.Reply unknownSort = api.get("/api/users?sort=nope");
        assertProblem(unknownSort, 400, "sort by an unknown property");
        assertThat(unknownSort.field("detail")).contains("nope");

        Api.Reply wrongType = api.post("/api/users", "{\"email\":[1],\"username\":\"x\"}");
        assertProblem(wrongType, 400, "a list for a text field");

        Api.Reply taken = api.post("/api/users", object("email", "ann@example.com", "username", "other"));
        assertProblem(taken, 409, "taken email");
        assertThat(taken.field("detail")).isEqualTo("The email 'ann@example.com' is already taken").doesNotContain(annId);

        assertProblem(api.get("/error"), 404, "the error path itself");

        // a store that can no longer write (its lock file deleted under it, so it fences itself): 503
        Files.delete(data.resolve("_filestore.lock"));
        eventually(() -> {
            Api.Reply fenced = api.post("/api/users", object("email", "late@example.com", "username", "late"));
            assertProblem(fenced, 503, "a write to a fenced store");
            assertThat(fenced.field("detail")).contains("read-only");
        });
        JsonNode store = api.get("/api/store").json();
        assertThat(store.get("fenced").asBoolean()).isTrue();
        assertThat(store.get("fencedReason").asString()).contains("_filestore.lock");
        assertThat(api.get("/actuator/health").status()).isEqualTo(503);
    }

    /** The reply is an RFC 9457 problem with this status, in JSON that says it is one. */
    private static void assertProblem(Api.Reply reply, int status, String what) {
        assertThat(reply.status()).as("%s: status of %s", what, reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).as("%s: content type", what).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("title").asString()).as(what).isNotBlank();
        assertThat(problem.get("detail").asString()).as(what).isNotBlank();
    }

    @Test
    void everyAcknowledgedUserIsBackAfterKill9DuringConcurrentWrites() throws Exception {
        Path data = temp.resolve("data");
        app = start(data);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> emails = new ConcurrentHashMap<>();
        AtomicInteger written = new AtomicInteger();
        Api api = new Api(app);
        burst(8, writer -> {
            int n = written.incrementAndGet();
            String email = "user" + n + "-" + writer + "@example.com";
            Api.Reply reply = api.post("/api/users", object("email", email, "username", "user" + n));
            if (reply.status() == 201) {
                String id = reply.field("id");
                emails.put(id, email);
                acknowledged.add(id);
            }
        }, () -> {
            awaitAtLeast(acknowledged, 150 + ThreadLocalRandom.current().nextInt(300));
            app.kill();
        });
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);
        System.out.println("kill -9 after " + acknowledged.size() + " acknowledged users");

        app = start(data);
        Api reopened = new Api(app);
        for (String id : acknowledged) {
            Api.Reply user = reopened.get("/api/users/" + id);
            assertThat(user.status()).as("acknowledged user %s", id).isEqualTo(200);
            assertThat(user.field("email")).isEqualTo(emails.get(id));
        }
        String someId = acknowledged.iterator().next();
        assertThat(reopened.get("/api/users?email=" + emails.get(someId)).json().findValuesAsString("id"))
                .containsExactly(someId);
        JsonNode records = reopened.get("/api/store").json().get("records");
        assertThat(records.get("auditLogs").asInt()).as("each user was stored with its audit entry, or neither was")
                .isEqualTo(records.get("users").asInt());
        assertThat(app.terminate()).isIn(0, 143);
    }

    @Test
    void everyAcknowledgedOrderIsInItsFileAfterSigtermDuringConcurrentWrites() throws Exception {
        Path data = temp.resolve("data");
        // orders are 'wal: false': with an hour between flushes, only the flush at shutdown can write them
        app = start(data, "--filestore.flush-interval=1h");
        Api api = new Api(app);
        String userId = api.post("/api/users", object("email", "buyer@example.com", "username", "buyer")).field("id");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        burst(6, writer -> {
            Api.Reply reply = api.post("/api/orders", object("userId", userId, "total", 10 + writer, "status", "NEW"));
            if (reply.status() == 201) {
                acknowledged.add(reply.field("id"));
            }
        }, () -> {
            awaitAtLeast(acknowledged, 200);
            assertThat(app.terminate()).isIn(0, 143);
        });

        System.out.println("SIGTERM after " + acknowledged.size() + " acknowledged orders");
        for (String id : acknowledged) {
            assertThat(data.resolve("orders").resolve(id + ".json")).as("acknowledged order %s", id).isRegularFile();
        }
        List<String> statusIndex = Files.readAllLines(data.resolve("orders/indices/status.jsonl"));
        assertThat(statusIndex).hasSizeGreaterThanOrEqualTo(acknowledged.size());
        for (String id : acknowledged) {
            assertThat(statusIndex).contains("{\"key\":\"NEW\",\"rowId\":\"" + id + "\"}");
        }
        assertThat(Files.exists(data.resolve("_flush.journal"))).isFalse();
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(file -> file.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    /** Options for the JVM of the app under test: none, as {@code java -jar} starts it. */
    List<String> jvmOptions() {
        return List.of();
    }

    private SampleAppProcess start(Path data, String... args) throws Exception {
        return SampleAppProcess.start(jvmOptions(), data, temp.resolve("app.log"), args);
    }

    /** Runs the assertions until they pass, for at most 30 s. */
    private static void eventually(ThrowingRunnable assertions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                assertions.run();
                return;
            } catch (AssertionError | IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Files under the test's folder but outside the data folder (the log aside). The data folder is not
     * entered: the running app creates and deletes files there (its flush journal), which a walk that
     * reads their attributes could find gone.
     */
    private List<Path> filesOutside(Path data) throws IOException {
        List<Path> outside = new ArrayList<>();
        Files.walkFileTree(temp, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(data) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.getFileName().toString().equals("app.log")) {
                    outside.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return outside;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
