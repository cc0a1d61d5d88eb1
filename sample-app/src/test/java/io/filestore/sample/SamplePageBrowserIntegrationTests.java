package io.filestore.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at {@code /} as a newcomer meets it: the packaged jar on a free port, and headless Chromium
 * driven by Playwright ({@code src/test/browser/page-check.mjs}) creating, editing and deleting users,
 * creating an order and a session, and seeing them listed with the audit log, the store's health, a
 * clear message while the server does not answer, and the store's fenced state once its lock file is
 * deleted under it. Screenshots of each step are kept in
 * {@code target/page-check/}.
 *
 * <p>Needs {@code node} 20 or newer, Chromium and the script's {@code node_modules}, which {@code .ci/run}
 * installs; without them the test is skipped and says what to install, except under CI ({@code CI=true}),
 * where a missing one fails it: there, a skip would hide a broken install step.
 */
class SamplePageBrowserIntegrationTests {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "browser").toAbsolutePath();
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
        String node = requireNode();
        Path chromium = requireChromium();
        require(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run 'npm ci' in " + SCRIPT_DIR + " (.ci/run does)");

        Path data = temp.resolve("data");
        app = SampleAppProcess.start(data, temp.resolve("app.log"));
        Files.createDirectories(SCREENSHOTS);
        Path output = temp.resolve("page-check.out");
        Process check = new ProcessBuilder(node, SCRIPT_DIR.resolve("page-check.mjs").toString(),
                app.uri("/").toString(), SCREENSHOTS.toString(), chromium.toString(),
                temp.resolve("chromium-profile").toString(), data.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = check.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            check.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(finished).as("the page check finished within 5 minutes:\n%s", printed).isTrue();
        assertThat(check.exitValue()).as("exit code of the page check:\n%s\napp log:\n%s", printed, app.logTail())
                .isZero();
        assertThat(printed).contains("page check passed");
        assertThat(SCREENSHOTS.resolve("4-users-and-order.png")).isRegularFile();
        assertThat(SCREENSHOTS.resolve("7-fenced.png")).isRegularFile();
    }

    private static String requireNode() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            require(version.waitFor() == 0 && printed.matches("v([2-9]\\d|\\d{3,})\\..*"),
                    "node 20 or newer is needed for the page check (playwright-core's minimum), found " + printed);
            return "node";
        } catch (IOException notInstalled) {
            require(false, "node is not installed: the page check needs it (.ci/run installs it)");
            return null;
        }
    }

    private static Path requireChromium() {
        String configured = System.getenv("CHROMIUM");
        for (Path candidate : configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        require(false, "Chromium is not installed at /usr/bin/chromium (or $CHROMIUM): 'apt-get install chromium'"
                + " (.ci/run installs it)");
        return null;
    }

    /** Skips the test when the condition does not hold, or fails it under CI. */
    private static void require(boolean condition, String missing) {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(condition).as(missing).isTrue();
        }
        assumeTrue(condition, missing);
    }
}
