package io.filestore.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.filestore.FileStoreOptions;
import tools.jackson.databind.JsonNode;

/**
 * Writes the report of one suite run into a folder: {@code README.md} (the medians per workload per
 * store with the range of their forks, the performance targets judged on them, FileStore's advantage
 * over each store, the machine, what each row runs, why a cell is empty) and {@code chart.png}. It
 * reads what the run left in that folder: {@code jmh-results.json} (JMH's own JSON),
 * {@code footprint-*.json} ({@code Footprint}), {@code run.json} (machine, profile, sizes, timings)
 * and, when the run was given one, {@code baseline-jmh-results.json} (an earlier run, for the targets
 * stated against it), so the report can be regenerated from them:
 * {@code java -cp benchmarks.jar io.filestore.benchmarks.report.Report docs/benchmarks/jmh-results.json}.
 */
public final class Report {

    /** The JMH results file name in a report folder. */
    public static final String JMH_RESULTS = "jmh-results.json";
    /** How the footprint files of a report folder start ({@code footprint-disk.json}, ...). */
    public static final String FOOTPRINT_PREFIX = "footprint-";
    /** The run description file name in a report folder. */
    public static final String RUN = "run.json";
    /** The earlier run's JMH results that targets such as "5x today" compare with, when there is one. */
    public static final String BASELINE = "baseline-jmh-results.json";

    private final List<Measurement> measurements;
    private final List<Measurement> baseline;
    private final JsonNode run;
    private final Sizes sizes;
    private final List<Workload> rows;

    Report(List<Measurement> measurements, List<Measurement> baseline, JsonNode run) {
        this.measurements = measurements;
        this.baseline = baseline;
        this.run = run;
        this.sizes = Sizes.of(run.get("sizes"));
        this.rows = Workloads.rows(sizes);
    }

    /** Regenerates the report next to the given {@code jmh-results.json}. */
    public static void main(String[] args) {
        Path results = Paths.get(args.length > 0 ? args[0] : "docs/benchmarks/" + JMH_RESULTS);
        Path written = writeFrom(results.toAbsolutePath().getParent());
        System.out.println("wrote " + written);
    }

    /** Reads the run's files in {@code folder} and writes {@code README.md} and {@code chart.png} there. */
    public static Path writeFrom(Path folder) {
        JsonNode run = FileStoreOptions.defaultJsonMapper().readTree(folder.resolve(RUN).toFile());
        Path baseline = folder.resolve(BASELINE);
        return new Report(measurementsIn(folder), Files.exists(baseline) ? JmhResults.read(baseline) : List.of(), run)
                .write(folder);
    }

    /** The measurements a run left in {@code folder}: its JMH results and its footprint files. */
    static List<Measurement> measurementsIn(Path folder) {
        List<Measurement> measurements = new ArrayList<>(JmhResults.read(folder.resolve(JMH_RESULTS)));
        try (DirectoryStream<Path> footprints = Files.newDirectoryStream(folder, FOOTPRINT_PREFIX + "*.json")) {
            footprints.forEach(footprint -> measurements.addAll(Footprints.read(footprint)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the footprint files in " + folder, e);
        }
        return measurements;
    }

    Path write(Path folder) {
        ThroughputChart.write(chartRates(), "FileStore and its peers, " + run.get("profile").asString()
                + " profile, " + run.path("machine").path("date").asString(), folder.resolve("chart.png"));
        Path markdown = folder.resolve("README.md");
        boolean scalingPage = Files.exists(folder.resolve(ScalingReport.FOLDER).resolve("README.md"));
        try {
            Files.writeString(markdown, markdown(scalingPage));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + markdown, e);
        }
        return markdown;
    }

    /** The Markdown text of the report; with {@code scalingPage}, a link to the scaling page in its subfolder. */
    String markdown(boolean scalingPage) {
        StringBuilder md = new StringBuilder();
        md.append("# FileStore side by side with its peers\n\n");
        md.append(RunDescription.describe(run)).append('\n');
        md.append("## Medians\n\n");
        md.append("Rates are operations per second (higher is better); open and flush are milliseconds (lower is"
                + " better); sizes are bytes per record (lower is better). Where more than one fork (JVM) measured a"
                + " cell, the brackets give the lowest and highest of the forks' own medians and how many forks there"
                + " were. A dash is an empty cell: see *Empty cells* below.\n\n");
        table(md, this::formattedWithRange);
        md.append("\n## Targets\n\n");
        md.append(new TargetTable(this::find).markdown(Targets.of(sizes)));
        md.append("\n## FileStore's advantage\n\n");
        md.append("How many times as fast FileStore is (or, for sizes, how many times smaller): FileStore's rate"
                + " divided by the store's, or the store's time or size divided by FileStore's. **Below 1 the"
                + " other store wins.** Against the raw I/O limit, 1 is the best FileStore can do.\n\n");
        table(md, this::advantage);
        md.append("\n## Where another store wins\n\n");
        List<String> losses = losses();
        md.append(losses.isEmpty() ? "Nowhere in this run.\n" : String.join("\n", losses) + "\n");
        md.append("\n![throughput per workload and store, log scale](chart.png)\n\n");
        if (scalingPage) {
            md.append("## How cost grows\n\nOpen, heap, get by id, find by index, a sorted page and the flush of 1%"
                    + " dirty records at growing record counts (10k, 100k and 1M by default), each beside a peer or the"
                    + " raw limit, with the growth"
                    + " measured and the design's: [the scaling page](" + ScalingReport.FOLDER + "/README.md), written"
                    + " by `filestore-benchmarks/run.sh scaling`.\n\n");
        }
        md.append("## What each row runs\n\n");
        for (Workload row : rows) {
            md.append("- **").append(row.name()).append("**: ").append(row.detail()).append('\n');
        }
        md.append("\n## Empty cells\n\n");
        for (Workload row : rows) {
            for (StoreColumn store : StoreColumn.values()) {
                if (row.cell(store).isEmpty() && row.whyEmpty(store) != null) {
                    md.append("- ").append(row.name()).append(", ").append(store.title()).append(": ")
                            .append(row.whyEmpty(store)).append('\n');
                } else if (row.cell(store).isPresent() && find(row, store).isEmpty()) {
                    md.append("- ").append(row.name()).append(", ").append(store.title())
                            .append(": no result in this run (the benchmark failed or was not run)\n");
                }
            }
        }
        md.append("\n## Regenerate\n\n```\njava -cp filestore-benchmarks/target/benchmarks.jar"
                + " io.filestore.benchmarks.report.Report docs/benchmarks/" + JMH_RESULTS + "\n```\n");
        return md.toString();
    }

    private interface CellText {
        String of(Workload row, StoreColumn store);
    }

    private void table(StringBuilder md, CellText text) {
        md.append("| workload |");
        for (StoreColumn store : StoreColumn.values()) {
            md.append(' ').append(store.title()).append(" |");
        }
        md.append("\n|---|");
        md.append("---:|".repeat(StoreColumn.values().length)).append('\n');
        for (Workload row : rows) {
            md.append("| ").append(row.name()).append(" |");
            for (StoreColumn store : StoreColumn.values()) {
                md.append(' ').append(text.of(row, store)).append(" |");
            }
            md.append('\n');
        }
    }

    private String formatted(Workload row, StoreColumn store) {
        return find(row, store).map(Report::format).orElse("—");
    }

    private String formattedWithRange(Workload row, StoreColumn store) {
        return find(row, store).map(Report::formatWithRange).orElse("—");
    }

    private String advantage(Workload row, StoreColumn store) {
        if (store == StoreColumn.FILESTORE) {
            return find(row, store).isPresent() ? "1" : "—";
        }
        return ratio(row, store).map(ratio -> String.format(Locale.ROOT, ratio < 1 ? "**%.2f**" : "%.2f", ratio))
                .orElse("—");
    }

    private Optional<Double> ratio(Workload row, StoreColumn store) {
        Optional<Measurement> fileStore = find(row, StoreColumn.FILESTORE);
        Optional<Measurement> other = find(row, store);
        if (fileStore.isEmpty() || other.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fileStore.get().advantageOver(other.get()));
    }

    private List<String> losses() {
        List<String> losses = new ArrayList<>();
        for (Workload row : rows) {
            for (StoreColumn store : StoreColumn.values()) {
                if (store == StoreColumn.FILESTORE || store == StoreColumn.RAW_LIMIT) {
                    continue;
                }
                ratio(row, store).filter(ratio -> ratio < 1).ifPresent(ratio -> losses.add(String.format(Locale.ROOT,
                        "- %s: %s is %.1fx better (%s vs FileStore %s)", row.name(), store.title(), 1 / ratio,
                        formatted(row, store), formatted(row, StoreColumn.FILESTORE))));
            }
        }
        return losses;
    }

    /** The measurement of a row's cell; empty when the cell has no benchmark or the run has no result for it. */
    Optional<Measurement> find(Workload row, StoreColumn store) {
        return row.cell(store).flatMap(cell -> find(measurements, cell.benchmark(), cell.params()));
    }

    /** The measurement of a target's side, in this run or the baseline run. */
    private Optional<Measurement> find(Target.Side side) {
        return find(side.baseline() ? baseline : measurements, side.benchmark(), side.params());
    }

    private static Optional<Measurement> find(List<Measurement> in, String benchmark, Map<String, String> params) {
        return in.stream().filter(measurement -> measurement.matches(benchmark, params)).findFirst();
    }

    /** The charted rows as rates: operations per second, or records per second for single-shot rows. */
    private Map<String, Map<StoreColumn, Double>> chartRates() {
        Map<String, Map<StoreColumn, Double>> rates = new LinkedHashMap<>();
        for (Workload row : rows) {
            if (!row.charted()) {
                continue;
            }
            Map<StoreColumn, Double> perStore = new LinkedHashMap<>();
            for (StoreColumn store : StoreColumn.values()) {
                find(row, store).ifPresent(measurement -> perStore.put(store, rate(row, measurement)));
            }
            rates.put(row.name(), perStore);
        }
        return rates;
    }

    private static double rate(Workload row, Measurement measurement) {
        if (measurement.higherIsBetter()) {
            return measurement.median();
        }
        // a single-shot row times one pass over its records: records per second
        String records = measurement.params().getOrDefault("records", "1");
        return Double.parseDouble(records) / (measurement.median() / 1000);
    }

    static String format(Measurement measurement) {
        return format(measurement.median(), measurement.unit());
    }

    /** The median, then the range of the forks' medians and their count when there was more than one fork. */
    static String formatWithRange(Measurement measurement) {
        String median = format(measurement);
        if (measurement.forks() < 2) {
            return median;
        }
        return median + " (" + format(measurement.low(), measurement.unit()) + " – "
                + format(measurement.high(), measurement.unit()) + ", " + measurement.forks() + " forks)";
    }

    private static String format(double value, String unit) {
        return switch (unit) {
            case "ops/s" -> value >= 100 ? String.format(Locale.ROOT, "%,.0f/s", value)
                    : String.format(Locale.ROOT, "%.2f/s", value);
            case "ms" -> value >= 100 ? String.format(Locale.ROOT, "%,.0f ms", value)
                    : String.format(Locale.ROOT, "%.1f ms", value);
            default -> String.format(Locale.ROOT, "%,.0f %s", value, unit);
        };
    }
}
