package io.filestore.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.postgres.testing.PostgresServer;
import tools.jackson.databind.JsonNode;

import static io.filestore.sample.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample jar in the {@code shared} profile, as two JVMs on two ports against one real
 * PostgreSQL: what one instance writes over HTTP, the other serves; a unique email and a version are
 * checked across both.
 */
class SampleAppSharedEndToEndIntegrationTests {

    /** How long a write may take to reach the other instance here (it is milliseconds when the machine is idle). */
    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private PostgresServer postgres;
    private SampleAppProcess first;
    private SampleAppProcess second;

    @AfterEach
    void stop() throws Exception {
        for (SampleAppProcess app : new SampleAppProcess[] {first, second}) {
            if (app != null && app.isAlive()) {
                app.terminate();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aUserCreatedOnOneInstanceIsReadOnTheOtherAndChecksHoldAcrossBoth() throws Exception {
        postgres = PostgresServer.start();
        first = start("first");
        second = start("second");
        Api one = new Api(first);
        Api other = new Api(second);

        Api.Reply ann = one.post("/api/users", object("email", "ann@example.com", "username", "ann", "name", "Ann"));
        assertThat(ann.status()).isEqualTo(201);
        String id = ann.field("id");

        Api.Reply read = await(() -> other.get("/api/users/" + id), reply -> reply.status() == 200);
        assertThat(read.field("email")).isEqualTo("ann@example.com");
        assertThat(other.get("/api/users?email=ann@example.com").json().findValuesAsString("id")).containsExactly(id);

        Api.Reply duplicate = other.post("/api/users", object("email", "ann@example.com", "username", "ann2"));
        assertThat(duplicate.status()).as("the unique email holds across instances").isEqualTo(409);

        Api.Reply updated = other.put("/api/users/" + id, object("email", "ann@example.com", "username", "annie", "version", 0));
        assertThat(updated.status()).isEqualTo(200);
        await(() -> one.get("/api/users/" + id), reply -> "annie".equals(reply.field("username")));
        Api.Reply stale = one.put("/api/users/" + id, object("email", "ann@example.com", "username", "anna", "version", 0));
        assertThat(stale.status()).as("a version taken on the other instance").isEqualTo(409);

        for (SampleAppProcess app : new SampleAppProcess[] {first, second}) {
            JsonNode shared = new Api(app).get("/actuator/health").json().path("components").path("filestore")
                    .path("details").path("shared");
            assertThat(shared.path("writable").asBoolean()).as("health of %s: %s", app.uri("/"), shared).isTrue();
        }
    }

    private SampleAppProcess start(String name) throws Exception {
        return SampleAppProcess.start(temp.resolve(name), temp.resolve(name + ".log"), "--spring.profiles.active=shared",
                "--filestore.shared.url=" + postgres.url(), "--filestore.shared.username=" + postgres.user());
    }

    private static Api.Reply await(Supplier<Api.Reply> request, Predicate<Api.Reply> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        Api.Reply reply = request.get();
        while (!done.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reply = request.get();
        }
        assertThat(done.test(reply)).as("within %s: %s %s", PROPAGATION, reply.status(), reply.text()).isTrue();
        return reply;
    }
}
