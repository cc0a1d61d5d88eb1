package io.filestore.benchmarks.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record counts of a scaling run, as profiles give them and as {@code -Dbench.scaling.sizes} replaces them. */
class ScalingProfileTests {

    @Test
    void theProfilesAreNamedAsOnTheCommandLineAndMeasureAtThreeCounts() {
        assertThat(ScalingProfile.named("scaling-quick")).isEqualTo(ScalingProfile.SCALING_QUICK);
        assertThat(ScalingProfile.SCALING_QUICK.runName()).isEqualTo("scaling-quick");
        assertThat(ScalingProfile.SCALING.defaultFolder()).isEqualTo("docs/benchmarks/scaling");
        assertThat(ScalingProfile.SCALING.settings()).isEqualTo(Profile.FULL);
    }

    @Test
    void aListOfAscendingCountsReplacesTheProfilesCounts() {
        assertThat(ScalingProfile.parseSizes("10000, 100000,1000000,5_000_000"))
                .containsExactly(10_000, 100_000, 1_000_000, 5_000_000);
    }

    @Test
    void badCountsAreRejectedNamingThePropertyTheValueAndWhatItTakes() {
        assertThatThrownBy(() -> ScalingProfile.parseSizes("10k,100k"))
                .hasMessageStartingWith("bench.scaling.sizes='10k,100k': '10k' is not a whole number;")
                .hasMessageEndingWith("ascending and comma-separated, e.g. 10000,100000,1000000");
        assertThatThrownBy(() -> ScalingProfile.parseSizes("500,10000")).hasMessageContaining("500 is below 1000");
        assertThatThrownBy(() -> ScalingProfile.parseSizes("100000,10000")).hasMessageContaining("not in ascending order");
        assertThatThrownBy(() -> ScalingProfile.parseSizes("10000")).hasMessageContaining("at least two counts");
        assertThatThrownBy(() -> ScalingProfile.parseSizes("10000,,100000")).hasMessageContaining("'' is not a whole number");
    }
}
