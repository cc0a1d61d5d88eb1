package io.filestore.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.filestore.FileStoreOptions;
import io.filestore.benchmarks.report.ScalingRow.Cost;
import io.filestore.benchmarks.report.ScalingRow.Line;
import tools.jackson.databind.JsonNode;

/**
 * Writes the scaling page of one scaling run into its folder: {@code README.md} (per workload,
 * FileStore's cost at each record count beside a peer's or the raw limit's, the log-log slope of each,
 * the growth it shows, the growth FileStore's design allows, and a flag where FileStore grows faster)
 * and {@link #CHART}. It reads what {@link ScalingSuite} left there ({@code jmh-results.json}, the
 * {@code footprint-*.json} of the heap at each count, {@code run.json}), so the page can be regenerated:
 * {@code java -cp benchmarks.jar io.filestore.benchmarks.report.ScalingReport docs/benchmarks/scaling/jmh-results.json}.
 */
public final class ScalingReport {

    /** The scaling page's folder, beside the report's {@code README.md}. */
    public static final String FOLDER = "scaling";
    /** The chart's file name. */
    static final String CHART = "scaling.png";
    /**
     * How far the peer's or limit's slope may fall below FileStore's and still count as growing as fast:
     * then a flagged row grows with the machine (caches, the disk) as much as with FileStore's code.
     */
    private static final double AS_FAST = 0.05;

    private final List<Measurement> measurements;
    private final JsonNode run;
    private final List<Integer> sizes;

    ScalingReport(List<Measurement> measurements, JsonNode run) {
        this.measurements = measurements;
        this.run = run;
        this.sizes = new ArrayList<>();
        run.path("sizes").path("scaling").forEach(size -> sizes.add(size.asInt()));
    }

    /** Regenerates the page next to the given {@code jmh-results.json}. */
    public static void main(String[] args) {
        Path results = Paths.get(args.length > 0 ? args[0] : "docs/benchmarks/" + FOLDER + "/" + Report.JMH_RESULTS);
        System.out.println("wrote " + writeFrom(results.toAbsolutePath().getParent()));
    }

    /** Reads the run's files in {@code folder} and writes {@code README.md} and the chart there. */
    public static Path writeFrom(Path folder) {
        JsonNode run = FileStoreOptions.defaultJsonMapper().readTree(folder.resolve(Report.RUN).toFile());
        return new ScalingReport(Report.measurementsIn(folder), run).write(folder);
    }

    Path write(Path folder) {
        boolean chart = ScalingChart.write(panels(), run.path("profile").asString() + " profile, "
                + run.path("machine").path("date").asString(), folder.resolve(CHART));
        boolean mainReport = folder.getParent() != null && Files.exists(folder.getParent().resolve("README.md"))
                && folder.getFileName().toString().equals(FOLDER);
        Path markdown = folder.resolve("README.md");
        try {
            Files.writeString(markdown, markdown(chart, mainReport));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + markdown, e);
        }
        return markdown;
    }

    /** The Markdown text of the page; {@code chart} if the chart was drawn, {@code mainReport} to link back to it. */
    String markdown(boolean chart, boolean mainReport) {
        StringBuilder md = new StringBuilder("# How FileStore's costs grow with its records\n\n");
        if (mainReport) {
            md.append("Part of the benchmark report: [FileStore side by side with its peers](../README.md).\n\n");
        }
        md.append(RunDescription.header(run));
        md.append(String.format(Locale.ROOT, "%nJMH: one fork per benchmark and record count; rates: %s; single"
                        + " shots: %s. Each point is a median of one fork; absolute numbers on shared virtual machines"
                        + " drift 2-3x between runs, while a slope compares points of one run.%n",
                run.path("settings").path("throughput").asString(), run.path("settings").path("singleShot").asString()));
        md.append(RunDescription.stepTimes(run));
        md.append("\n## Growth\n\n").append(howToRead(sizes)).append("\n\n");
        table(md);
        md.append("\n## Faster than designed\n\n");
        List<String> flags = flags();
        md.append(flags.isEmpty() ? "No FileStore row grows faster than its design allows.\n"
                : String.join("\n", flags) + "\n");
        if (chart) {
            md.append("\n![cost against records, log-log: FileStore solid, its peer or limit dashed](" + CHART + ")\n");
        }
        md.append("\n## What each row runs\n\n");
        for (ScalingRow row : ScalingRows.all()) {
            md.append("- **").append(row.name()).append("** (design: ").append(row.design().label()).append(", ")
                    .append(row.designReason()).append("): ").append(row.detail()).append('\n');
        }
        md.append("\nA dash is a point without a result (the benchmark failed or was not run at that count); a slope"
                + " needs two points with a cost above zero.\n\n## Regenerate\n\n```\njava -cp filestore-benchmarks/target/benchmarks.jar"
                + " io.filestore.benchmarks.report.ScalingReport docs/benchmarks/" + FOLDER + "/" + Report.JMH_RESULTS
                + "\n```\n");
        return md.toString();
    }

    private static String howToRead(List<Integer> sizes) {
        String logN = "";
        if (sizes.size() >= 2) {
            double low = sizes.get(0);
            double high = sizes.get(sizes.size() - 1);
            logN = String.format(Locale.ROOT, "; from %s to %s records log n has a slope of about %.2f",
                    Workloads.count(sizes.get(0)), Workloads.count(sizes.get(sizes.size() - 1)),
                    Math.log(Math.log(high) / Math.log(low)) / Math.log(high / low));
        }
        return "The cost of one operation at each record count (time per operation; for the heap, the bytes"
                + " retained in all, with the bytes per record), FileStore's row first and the peer or raw limit"
                + " measured beside it at the same counts below it. *Slope*: the least-squares slope b of"
                + " log(cost) against log(records), cost ~ n^b: 0 is constant, 1 linear" + logN + ". *Growth*:"
                + " constant up to 0.05, log n up to 0.2, sublinear up"
                + " to 0.8, linear up to 1.2 (n log n included), faster than linear above. *Design*: the growth"
                + " FileStore's design allows; a FileStore row that grows faster is flagged, and the verdict says"
                + " when its peer or limit grows as fast (within " + AS_FAST + " of its slope), which points at the"
                + " machine (caches, the disk) rather than at FileStore's code.";
    }

    private void table(StringBuilder md) {
        md.append("| workload | store |");
        for (int size : sizes) {
            md.append(' ').append(Workloads.count(size)).append(" |");
        }
        md.append(" slope | growth | design | verdict |\n|---|---|").append("---:|".repeat(sizes.size()))
                .append("---:|---|---|---|\n");
        for (ScalingRow row : ScalingRows.all()) {
            TreeMap<Integer, Double> fileStore = points(row, row.fileStore());
            TreeMap<Integer, Double> beside = points(row, row.beside());
            line(md, row, row.name(), row.fileStore(), fileStore);
            md.append(' ').append(row.design().label()).append(" | ").append(verdict(row, fileStore, beside))
                    .append(" |\n");
            line(md, row, "", row.beside(), beside);
            md.append("  |  |\n");
        }
    }

    private void line(StringBuilder md, ScalingRow row, String name, Line line, TreeMap<Integer, Double> points) {
        md.append("| ").append(name).append(" | ").append(line.label()).append(" |");
        for (int size : sizes) {
            Double cost = points.get(size);
            md.append(' ').append(cost == null ? "—" : format(row.cost(), cost, size)).append(" |");
        }
        OptionalDouble slope = slope(points);
        md.append(' ').append(slope.isPresent() ? String.format(Locale.ROOT, "%.2f", slope.getAsDouble()) : "—")
                .append(" | ").append(slope.isPresent() ? Growth.of(slope.getAsDouble()).label() : "—").append(" |");
    }

    private String verdict(ScalingRow row, TreeMap<Integer, Double> fileStore, TreeMap<Integer, Double> beside) {
        OptionalDouble slope = slope(fileStore);
        if (slope.isEmpty()) {
            return "not judged: fewer than two points";
        }
        if (!Growth.of(slope.getAsDouble()).exceeds(row.design())) {
            return "as designed";
        }
        OptionalDouble besideSlope = slope(beside);
        return besideSlope.isPresent() && besideSlope.getAsDouble() >= slope.getAsDouble() - AS_FAST
                ? "**faster than designed**; " + row.beside().label() + " grows as fast"
                : "**faster than designed**";
    }

    /** One line per FileStore row that grows faster than its design allows. */
    List<String> flags() {
        List<String> flags = new ArrayList<>();
        for (ScalingRow row : ScalingRows.all()) {
            OptionalDouble slope = slope(points(row, row.fileStore()));
            if (slope.isEmpty() || !Growth.of(slope.getAsDouble()).exceeds(row.design())) {
                continue;
            }
            OptionalDouble beside = slope(points(row, row.beside()));
            flags.add(String.format(Locale.ROOT, "- %s: slope %.2f (%s), where the design allows %s (%s); %s: %s.",
                    row.name(), slope.getAsDouble(), Growth.of(slope.getAsDouble()).label(), row.design().label(),
                    row.designReason(), row.beside().label(), beside.isPresent()
                            ? String.format(Locale.ROOT, "slope %.2f", beside.getAsDouble()) : "no slope"));
        }
        return flags;
    }

    /** The line's cost at each record count of the run that has a result, by count. */
    TreeMap<Integer, Double> points(ScalingRow row, Line line) {
        TreeMap<Integer, Double> points = new TreeMap<>();
        for (int size : sizes) {
            find(line.benchmark(), line.at(size)).ifPresent(measurement -> points.put(size, cost(row.cost(),
                    measurement, size)));
        }
        return points;
    }

    private Optional<Measurement> find(String benchmark, Map<String, String> params) {
        return measurements.stream().filter(measurement -> measurement.matches(benchmark, params)).findFirst();
    }

    /** Microseconds per operation for {@link Cost#TIME}, bytes retained in all for {@link Cost#HEAP}. */
    static double cost(Cost cost, Measurement measurement, int records) {
        if (cost == Cost.HEAP) {
            return measurement.median() * records;
        }
        return switch (measurement.unit()) {
            case "ops/s" -> 1e6 / measurement.median();
            case "ms" -> measurement.median() * 1000;
            default -> throw new IllegalArgumentException("no time per operation in " + measurement.unit() + " ("
                    + measurement.benchmark() + ")");
        };
    }

    /**
     * The log-log slope of the points whose cost is positive (a heap measured at a small count can come
     * out at zero or below, within the noise of a GC; a logarithm has no place for it); empty with fewer
     * than two of them.
     */
    static OptionalDouble slope(TreeMap<Integer, Double> points) {
        TreeMap<Integer, Double> positive = positive(points);
        if (positive.size() < 2) {
            return OptionalDouble.empty();
        }
        double[] records = positive.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] costs = positive.values().stream().mapToDouble(Double::doubleValue).toArray();
        return OptionalDouble.of(Growth.slope(records, costs));
    }

    private static TreeMap<Integer, Double> positive(TreeMap<Integer, Double> points) {
        TreeMap<Integer, Double> positive = new TreeMap<>(points);
        positive.values().removeIf(cost -> !(cost > 0));
        return positive;
    }

    /** A point's cost in words: a time in µs or ms, or the heap in MB with its bytes per record. */
    static String format(Cost cost, double value, int records) {
        if (cost == Cost.HEAP) {
            return String.format(Locale.ROOT, "%,.1f MB (%,.0f B/record)", value / 1e6, value / records);
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f µs", value);
        }
        if (value < 1000) {
            return String.format(Locale.ROOT, "%.0f µs", value);
        }
        return value < 100_000 ? String.format(Locale.ROOT, "%.1f ms", value / 1000)
                : String.format(Locale.ROOT, "%,.0f ms", value / 1000);
    }

    /** The chart's panels: the time rows, and the heap rows in MB. */
    private List<ScalingChart.Panel> panels() {
        List<ScalingChart.Line> times = new ArrayList<>();
        List<ScalingChart.Line> heap = new ArrayList<>();
        List<ScalingRow> rows = ScalingRows.all();
        for (int i = 0; i < rows.size(); i++) {
            ScalingRow row = rows.get(i);
            List<ScalingChart.Line> panel = row.cost() == Cost.HEAP ? heap : times;
            double unit = row.cost() == Cost.HEAP ? 1e6 : 1;
            chartLine(row, row.fileStore(), i, false, unit).ifPresent(panel::add);
            chartLine(row, row.beside(), i, true, unit).ifPresent(panel::add);
        }
        return List.of(new ScalingChart.Panel("Time per operation by records", "time per operation, µs", times),
                new ScalingChart.Panel("Retained heap by records", "retained heap, MB", heap));
    }

    private Optional<ScalingChart.Line> chartLine(ScalingRow row, Line line, int colour, boolean dashed, double unit) {
        TreeMap<Integer, Double> points = positive(points(row, line));
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double[] records = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] values = points.values().stream().mapToDouble(value -> value / unit).toArray();
        return Optional.of(new ScalingChart.Line(row.name() + ": " + line.label(), colour, dashed, records, values));
    }
}
