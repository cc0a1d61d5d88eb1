package io.filestore.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the browser checks need from the machine, node 20+, Chromium and the scripts' node_modules in
 * {@code src/test/browser}, and how they run a script. Without one of them a check is skipped and says
 * what to install, except under CI ({@code CI=true}), where a missing one fails it: there, a skip would
 * hide a broken install step ({@code .ci/run} installs them).
 */
final class BrowserTools {

    static final Path SCRIPT_DIR = Path.of("src", "test", "browser").toAbsolutePath();

    private BrowserTools() {
    }

    /** Skips (or under CI fails) the test unless node, Chromium and playwright-core are there; returns Chromium. */
    static Path requireBrowser() throws InterruptedException {
        requireNode();
        Path chromium = requireChromium();
        require(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run 'npm ci' in " + SCRIPT_DIR + " (.ci/run does)");
        return chromium;
    }

    /**
     * Runs a script of {@link #SCRIPT_DIR} with node, waits up to five minutes, and returns what it printed;
     * fails the test when it does not finish or exits non-zero.
     */
    static String runScript(Path output, Supplier<String> appLog, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT_DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        Process check = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = check.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            check.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(finished).as("%s finished within 5 minutes:\n%s", script, printed).isTrue();
        assertThat(check.exitValue())
                .as(() -> "exit code of " + script + ":\n" + printed + "\napp log:\n" + appLog.get()).isZero();
        return printed;
    }

    private static void requireNode() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            require(version.waitFor() == 0 && printed.matches("v([2-9]\\d|\\d{3,})\\..*"),
                    "node 20 or newer is needed for the browser checks (playwright-core's minimum), found " + printed);
        } catch (IOException notInstalled) {
            require(false, "node is not installed: the browser checks need it (.ci/run installs it)");
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
