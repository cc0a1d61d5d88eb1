package io.filestore.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FileStore console as an operator meets it: the packaged sample jar with
 * {@code filestore.console.enabled=true} on the loopback address and a free port, and headless Chromium
 * driven by Playwright ({@code src/test/browser/console-check.mjs}) listing the collections, opening a
 * record as formatted JSON, running queries and reading their plans and timing, and seeing a user written
 * through the app's API appear live. Screenshots of each step are kept in
 * {@code target/console-screenshots/}.
 *
 * <p>Needs {@code node} 20 or newer, Chromium and the script's {@code node_modules}, which {@code .ci/run}
 * installs ({@link BrowserTools} says what happens without them).
 */
class ConsoleBrowserIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

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
    void operatorBrowsesQueriesAndWatchesChangesLive() throws Exception {
        Path chromium = BrowserTools.requireBrowser();

        app = SampleAppProcess.start(temp.resolve("data"), temp.resolve("app.log"), "--server.address=127.0.0.1",
                "--filestore.console.enabled=true");
        Files.createDirectories(SCREENSHOTS);
        String printed = BrowserTools.runScript(temp.resolve("console-check.out"), app::logTail, "console-check.mjs",
                app.uri("/").toString(), "/filestore-console", SCREENSHOTS.toString(), chromium.toString(),
                temp.resolve("chromium-profile").toString());

        assertThat(printed).contains("console check passed");
        assertThat(SCREENSHOTS.resolve("2-record.png")).isRegularFile();
        assertThat(SCREENSHOTS.resolve("3-query-plan.png")).isRegularFile();
        assertThat(SCREENSHOTS.resolve("5-live-change.png")).isRegularFile();
    }
}
