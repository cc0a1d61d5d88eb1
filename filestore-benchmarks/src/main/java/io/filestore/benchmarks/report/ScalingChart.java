package io.filestore.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The scaling page's chart: cost against records on log-log axes, where a constant cost is a flat line
 * and a linear one rises a decade per decade. One colour per workload, FileStore solid, its peer or
 * limit dashed. Two panels side by side in one PNG, since their units differ: time per operation, and
 * retained heap. Drawn with XChart, as the report's {@link ThroughputChart}.
 */
final class ScalingChart {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};

    /**
     * One line of a panel.
     *
     * @param label   the legend entry
     * @param colour  the workload's index, which picks its colour
     * @param dashed  true for a peer or limit, false for FileStore
     * @param records the counts measured, ascending
     * @param values  the cost at each count, in the panel's unit
     */
    record Line(String label, int colour, boolean dashed, double[] records, double[] values) {
    }

    /**
     * A panel: its title, axis title and lines.
     *
     * @param title  what the panel shows
     * @param yTitle the unit, for the y axis
     * @param lines  the lines; a panel without any is left out
     */
    record Panel(String title, String yTitle, List<Line> lines) {
    }

    private ScalingChart() {
    }

    /**
     * Writes the panels that have lines side by side to {@code png}, each titled with its own title and
     * {@code subtitle}; returns false (and writes nothing) if no panel has a line.
     */
    static boolean write(List<Panel> panels, String subtitle, Path png) {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = new ArrayList<>();
        for (Panel panel : panels) {
            if (!panel.lines().isEmpty()) {
                charts.add(chart(panel, panel.title() + ", " + subtitle));
            }
        }
        if (charts.isEmpty()) {
            return false;
        }
        try {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png, e);
        }
        return true;
    }

    private static XYChart chart(Panel panel, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(1000).title(title)
                .xAxisTitle("records (log scale)").yAxisTitle(panel.yTitle() + " (log scale)").build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisDecimalPattern("#,###");
        styler.setYAxisDecimalPattern("#,###.##");
        // XChart does not work out log axes from lines of different lengths: whole decades around the data
        styler.setXAxisMin(decadeBelow(panel, true));
        styler.setXAxisMax(decadeAbove(panel, true));
        styler.setYAxisMin(decadeBelow(panel, false));
        styler.setYAxisMax(decadeAbove(panel, false));
        for (Line line : panel.lines()) {
            Color colour = COLORS[line.colour() % COLORS.length];
            XYSeries series = chart.addSeries(line.label(), line.records(), line.values());
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(line.dashed() ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
            series.setLineStyle(line.dashed() ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        }
        return chart;
    }

    private static double decadeBelow(Panel panel, boolean x) {
        return Math.pow(10, Math.floor(Math.log10(values(panel, x).min().orElse(1))));
    }

    private static double decadeAbove(Panel panel, boolean x) {
        // a top value at a power of ten is its own decade's top, not the start of the next one
        return Math.pow(10, Math.ceil(Math.log10(values(panel, x).max().orElse(10)) - 1e-9));
    }

    private static DoubleStream values(Panel panel, boolean x) {
        return panel.lines().stream().flatMapToDouble(line -> Arrays.stream(x ? line.records() : line.values()));
    }
}
