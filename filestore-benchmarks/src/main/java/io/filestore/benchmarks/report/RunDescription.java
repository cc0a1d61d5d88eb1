package io.filestore.benchmarks.report;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The report's opening lines from {@code run.json}: when, on what machine and JDK, which versions,
 * how the run was configured and how long it took.
 */
final class RunDescription {

    private RunDescription() {
    }

    static String describe(JsonNode run) {
        JsonNode settings = run.path("settings");
        return header(run) + String.format(Locale.ROOT, "%nJMH: one fork per benchmark, except the sides of a target (see"
                        + " Targets); rates: %s; single-shot: %s. Medians: of the iteration scores for rates and of the"
                        + " shots for single-shot, of every fork together, pooled over two rounds about 15 minutes apart"
                        + " (half of the forks in each) for the raw loop, FileStore's 1 and 64 durable writers, SQLite"
                        + " FULL's 1 and 64 threads and the flush (one shot per round). Absolute numbers on shared virtual"
                        + " machines drift 2-3x between runs; the ratios, measured in the same run, are the point.%n",
                settings.path("throughput").asString(), settings.path("singleShot").asString()) + stepTimes(run);
    }

    /** The run's opening line (profile, date, wall time, commit) and the machine table. */
    static String header(JsonNode run) {
        JsonNode machine = run.path("machine");
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "Profile **%s**, run on %s, wall time %.1f min, FileStore commit `%s`.%n%n",
                run.path("profile").asString(), machine.path("date").asString(),
                run.path("wallSeconds").asDouble() / 60, machine.path("commit").asString("unknown")));
        text.append("| machine | |\n|---|---|\n");
        row(text, "CPU", machine.path("cpu").asString() + ", " + machine.path("cores").asInt() + " cores");
        row(text, "memory",
                String.format(Locale.ROOT, "%.1f GiB", machine.path("memoryBytes").asDouble() / (1L << 30)));
        row(text, "OS", machine.path("os").asString() + ", kernel " + machine.path("kernel").asString());
        row(text, "benchmark folder",
                machine.path("benchDir").asString() + " (" + machine.path("fileSystem").asString() + ")");
        row(text, "JDK", machine.path("jdk").asString());
        for (Map.Entry<String, JsonNode> library : machine.path("libraries").properties()) {
            row(text, library.getKey(), library.getValue().asString());
        }
        return text.toString();
    }

    /** The seconds each step took, as a paragraph; empty when the run did not record them. */
    static String stepTimes(JsonNode run) {
        StringBuilder text = new StringBuilder();
        if (run.has("steps")) {
            text.append("\nTime per step:");
            for (Map.Entry<String, JsonNode> step : run.get("steps").properties()) {
                text.append(String.format(Locale.ROOT, " %s %.0f s;", step.getKey(), step.getValue().asDouble()));
            }
            text.setLength(text.length() - 1);
            text.append(".\n");
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String name, String value) {
        text.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
