package io.filestore.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite runs what the report shows: every step selects benchmarks that exist, every cell of every
 * row and every side of every target is measured by some step, and in the full profile the sides of a
 * target run in at least 4 forks (over both rounds where there are two), except the few whose every
 * fork costs a minute; and every point of the scaling page is measured by a step of its record count.
 */
class StepsTests {

    private static final String PACKAGE = "io.filestore.benchmarks.";
    /** One run or one shot of about a minute each: the report says they have fewer forks. */
    private static final List<String> FEWER_FORKS = List.of("SustainedInsertBenchmark.", "FlushBenchmark.",
            "Footprint.");

    private static List<BenchmarkListEntry> benchmarks;

    @BeforeAll
    static void readTheGeneratedBenchmarkList() throws IOException {
        try (InputStream list = StepsTests.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            benchmarks = BenchmarkList.readBenchmarkList(list);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyStepSelectsBenchmarksThatExist(Profile profile) {
        for (Step step : Steps.of(profile.sizes())) {
            assertThat(benchmarks).as(step.name()).anyMatch(entry -> selects(step, entry));
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyCellOfTheReportIsMeasuredBySomeStep(Profile profile) {
        List<Step> steps = Steps.of(profile.sizes());
        for (Workload row : Workloads.rows(profile.sizes())) {
            for (StoreColumn store : StoreColumn.values()) {
                row.cell(store).filter(cell -> !cell.benchmark().startsWith("Footprint."))
                        .ifPresent(cell -> assertThat(forksOf(steps, profile, cell.benchmark(), cell.params()))
                                .as(row.name() + ", " + store.title()).isPositive());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everySideOfATargetIsMeasuredAndInTheFullProfileInAtLeastFourForks(Profile profile) {
        List<Step> steps = Steps.of(profile.sizes());
        for (Target target : Targets.of(profile.sizes())) {
            List<Target.Side> sides = new ArrayList<>(List.of(target.measured()));
            if (target.reference() != null && !target.reference().baseline()) {
                sides.add(target.reference());
            }
            for (Target.Side side : sides) {
                if (side.benchmark().startsWith("Footprint.")) {
                    continue;
                }
                int forks = forksOf(steps, profile, side.benchmark(), side.params());
                assertThat(forks).as(target.name() + ": " + side.label()).isPositive();
                if (profile == Profile.FULL && FEWER_FORKS.stream().noneMatch(side.benchmark()::startsWith)) {
                    assertThat(forks).as(target.name() + ": " + side.label()).isGreaterThanOrEqualTo(4);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ScalingProfile.class)
    void everyPointOfTheScalingPageIsMeasuredByAStepOfItsCount(ScalingProfile profile) {
        for (int records : profile.sizes()) {
            List<Step> steps = ScalingSteps.at(records);
            for (Step step : steps) {
                assertThat(benchmarks).as(step.name()).anyMatch(entry -> selects(step, entry));
            }
            for (ScalingRow row : ScalingRows.all()) {
                for (ScalingRow.Line line : List.of(row.fileStore(), row.beside())) {
                    if (!line.benchmark().startsWith("Footprint.")) {
                        assertThat(forksOf(steps, profile.settings(), line.benchmark(), line.at(records)))
                                .as(row.name() + ", " + line.label() + ", " + records + " records").isPositive();
                    }
                }
            }
        }
    }

    /** How many forks of the profile's steps measure {@code benchmark} (an aux counter's too) with {@code params}. */
    private static int forksOf(List<Step> steps, Profile profile, String benchmark, Map<String, String> params) {
        String method = PACKAGE + benchmark.replaceFirst(":.*", "");
        int forks = 0;
        for (Step step : steps) {
            for (BenchmarkListEntry entry : benchmarks) {
                if (entry.getUsername().equals(method) && selects(step, entry) && runsWith(step, entry, params)) {
                    forks += profile.forks(step.spread());
                }
            }
        }
        return forks;
    }

    private static boolean selects(Step step, BenchmarkListEntry entry) {
        return Pattern.compile(step.include()).matcher(entry.getUsername()).find();
    }

    /** Whether the step runs the benchmark with every one of {@code params}: pinned by the step or by default. */
    private static boolean runsWith(Step step, BenchmarkListEntry entry, Map<String, String> params) {
        Map<String, String[]> defaults = entry.getParams().orElse(Map.of());
        return params.entrySet().stream().allMatch(param -> {
            String[] values = step.params().getOrDefault(param.getKey(), defaults.get(param.getKey()));
            return values != null && Arrays.asList(values).contains(param.getValue());
        });
    }
}
