package io.filestore.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * The report's chart: one group of bars per workload, one bar per store, operations (or records)
 * per second on a logarithmic axis, since the stores differ by orders of magnitude. Single-shot
 * rows (open, flush) are drawn as records per second: their record count over their median time.
 * Drawn with XChart into a PNG without a display.
 */
final class ThroughputChart {

    /** One per {@link StoreColumn}, in its order. */
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x7f7f7f), new Color(0xff7f0e),
            new Color(0x17becf), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};

    private ThroughputChart() {
    }

    /**
     * Writes the chart of {@code rates} (per workload name, in order, per store; missing stores
     * have no bar) to {@code png}.
     */
    static void write(Map<String, Map<StoreColumn, Double>> rates, String title, Path png) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(1600).height(800).title(title)
                .xAxisTitle("workload").yAxisTitle("operations or records per second (log scale)").build();
        CategoryStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setXAxisLabelRotation(20);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAvailableSpaceFill(0.85);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setYAxisDecimalPattern("#,###");
        List<String> workloads = new ArrayList<>(rates.keySet());
        // XChart cannot work out a log axis from series with gaps: give it whole decades around the data
        double lowest = rates.values().stream().flatMap(row -> row.values().stream()).mapToDouble(Double::doubleValue)
                .min().orElse(1);
        double highest = rates.values().stream().flatMap(row -> row.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(10);
        styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
        styler.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(highest * 1.01))));
        for (StoreColumn store : StoreColumn.values()) {
            List<Double> values = new ArrayList<>();
            boolean any = false;
            for (String workload : workloads) {
                Double value = rates.get(workload).get(store);
                any |= value != null;
                values.add(value);
            }
            if (any) {
                chart.addSeries(store.title(), workloads, values).setFillColor(COLORS[store.ordinal()]);
            }
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png, e);
        }
    }
}
