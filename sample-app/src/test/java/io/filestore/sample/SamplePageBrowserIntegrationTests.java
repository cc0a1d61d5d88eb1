package io.filestore.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at {@code /} as a newcomer meets it: the packaged jar on a free port, and headless Chromium
 * driven by Playwright ({@code src/test/browser/page-check.mjs}) creating, editing and deleting users,
 * creating an order and a session, and seeing them listed with the audit log, the store's health, a
 * clear message while the server does not answer, and the store's fenced state once its lock file is
 * deleted under it. Screenshots of each step are kept in
 * {@code target/page-check/}.
 *
 * <p>Needs {@code node} 20 or newer, Chromium and the script's {@code node_modules}, which {@code .ci/run}
 * installs ({@link BrowserTools} says what happens without them).
 */
class SamplePageBrowserIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("target", "page-check").toAbsolutePath();

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
    void newcomerCreatesEditsAndDeletesThroughThePage() throws Exception {
        Path chromium = BrowserTools.requireBrowser();

        Path data = temp.resolve("data");
        app = SampleAppProcess.start(data, temp.resolve("app.log"));
        Files.createDirectories(SCREENSHOTS);
        String printed = BrowserTools.runScript(temp.resolve("page-check.out"), app::logTail, "page-check.mjs",
                app.uri("/").toString(), SCREENSHOTS.toString(), chromium.toString(),
                temp.resolve("chromium-profile").toString(), data.toString());

        assertThat(printed).contains("page check passed");
        assertThat(SCREENSHOTS.resolve("4-users-and-order.png")).isRegularFile();
        assertThat(SCREENSHOTS.resolve("7-fenced.png")).isRegularFile();
    }
}
