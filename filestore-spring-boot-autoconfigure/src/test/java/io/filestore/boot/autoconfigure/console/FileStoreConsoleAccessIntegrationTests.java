package io.filestore.boot.autoconfigure.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.filestore.boot.autoconfigure.MinimalApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the console is served: only when enabled, and refused at startup, with a report saying what to
 * do, when other machines could reach it with nothing guarding it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileStoreConsoleAccessIntegrationTests {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theConsoleIsOffByDefault() throws Exception {
        try (ConfigurableApplicationContext context = run(WebApplicationType.SERVLET, "--server.address=127.0.0.1")) {
            assertThat(status(context, "/filestore-console/")).isEqualTo(404);
            assertThat(context.getBeanNamesForType(ConsoleController.class)).isEmpty();
        }
    }

    @Test
    void onEveryInterfaceWithoutSecurityStartupFailsWithAReportSayingWhatToDo(CapturedOutput output) {
        assertThatThrownBy(() -> run(WebApplicationType.SERVLET, "--filestore.console.enabled=true").close())
                .isInstanceOf(ConsoleExposedException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("would be reachable on every network interface (server.address is unset)")
                .contains("set 'server.address' to a loopback address")
                .contains("Spring Security is not on the class path")
                .contains("http.securityMatcher(\"/filestore-console/**\")")
                .contains("filestore.console.allow-remote=true");
    }

    @Test
    void onANonLoopbackAddressWithoutSecurityStartupFails() {
        assertThatThrownBy(() -> run(WebApplicationType.SERVLET, "--filestore.console.enabled=true",
                "--server.address=0.0.0.0").close())
                .isInstanceOf(ConsoleExposedException.class)
                .hasMessageContaining("address 0.0.0.0");
    }

    @Test
    void allowRemoteStartsItAndWarnsThatItIsUnguarded(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = run(WebApplicationType.SERVLET, "--filestore.console.enabled=true",
                "--filestore.console.allow-remote=true")) {
            assertThat(status(context, "/filestore-console/")).isEqualTo(200);
        }
        assertThat(output).contains("WITHOUT security (filestore.console.allow-remote=true)");
    }

    @Test
    void theConsoleIsServedAtTheConfiguredPath() throws Exception {
        try (ConfigurableApplicationContext context = run(WebApplicationType.SERVLET, "--filestore.console.enabled=true",
                "--server.address=127.0.0.1", "--filestore.console.path=/ops/store")) {
            assertThat(status(context, "/ops/store/")).isEqualTo(200);
            assertThat(status(context, "/ops/store/api/collections")).isEqualTo(200);
            assertThat(status(context, "/filestore-console/")).isEqualTo(404);
        }
    }

    @Test
    void aPathWithoutALeadingSlashFailsStartupNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> run(WebApplicationType.SERVLET, "--filestore.console.enabled=true",
                "--server.address=127.0.0.1", "--filestore.console.path=console").close());

        assertThat(output).contains("APPLICATION FAILED TO START").contains("filestore.console.path")
                .contains("'path' must start with '/'");
    }

    @Test
    void anApplicationWithoutAWebServerHasNoConsoleAndStarts() {
        try (ConfigurableApplicationContext context = run(WebApplicationType.NONE, "--filestore.console.enabled=true")) {
            assertThat(context.getBeanNamesForType(ConsoleController.class)).isEmpty();
        }
    }

    private ConfigurableApplicationContext run(WebApplicationType type, String... args) {
        SpringApplication application = new SpringApplication(MinimalApplication.class);
        application.setWebApplicationType(type);
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--filestore.data-dir=" + dataDir));
        all.addAll(List.of(args));
        return application.run(all.toArray(String[]::new));
    }

    private int status(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
