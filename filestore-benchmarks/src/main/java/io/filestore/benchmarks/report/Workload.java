package io.filestore.benchmarks.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the report: a workload and, per store, which benchmark result measures it, or why
 * none does. Built with {@link #of(String, String)} and the chained {@code with...} calls.
 */
public final class Workload {

    /** Which result a cell shows: a benchmark ({@code Class.method}) with some of its parameters. */
    public record Cell(String benchmark, Map<String, String> params) {
    }

    private final String name;
    private final String detail;
    private final Map<StoreColumn, Cell> cells = new EnumMap<>(StoreColumn.class);
    private final Map<StoreColumn, String> whyEmpty = new EnumMap<>(StoreColumn.class);
    private boolean charted = true;

    private Workload(String name, String detail) {
        this.name = name;
        this.detail = detail;
    }

    /** A row called {@code name} (short, also the chart's label), {@code detail} saying what runs. */
    public static Workload of(String name, String detail) {
        return new Workload(name, detail);
    }

    /** Shows {@code benchmark}'s result with {@code params} (key, value, key, value...) in the store's cell. */
    public Workload with(StoreColumn store, String benchmark, String... params) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            wanted.put(params[i], params[i + 1]);
        }
        cells.put(store, new Cell(benchmark, wanted));
        return this;
    }

    /** Leaves the store's cell empty, for {@code reason} (replacing a cell set before). */
    public Workload without(StoreColumn store, String reason) {
        cells.remove(store);
        whyEmpty.put(store, reason);
        return this;
    }

    /** Keeps this row out of the chart (sizes, which are not rates). */
    public Workload notCharted() {
        charted = false;
        return this;
    }

    /** The row's short name. */
    public String name() {
        return name;
    }

    /** What the row runs, in a sentence. */
    public String detail() {
        return detail;
    }

    /** Whether the row is drawn in the chart. */
    public boolean charted() {
        return charted;
    }

    /** The cell of {@code store}; empty when the row has none for it. */
    public Optional<Cell> cell(StoreColumn store) {
        return Optional.ofNullable(cells.get(store));
    }

    /** Why the cell of {@code store} is empty; null when no reason was given. */
    public String whyEmpty(StoreColumn store) {
        return whyEmpty.get(store);
    }
}
