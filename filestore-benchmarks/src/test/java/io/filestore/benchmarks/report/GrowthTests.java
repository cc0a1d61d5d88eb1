package io.filestore.benchmarks.report;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The scaling page's growth: the log-log slope of a cost over record counts, and the class it falls in,
 * for the shapes the design talks about (constant, log n, linear) and the ones it must flag.
 */
class GrowthTests {

    private static final double[] COUNTS = {10_000, 100_000, 1_000_000};

    @Test
    void aConstantCostHasSlopeZeroAndIsConstant() {
        double slope = slopeOf(n -> 3.5);
        assertThat(slope).isCloseTo(0, within(1e-9));
        assertThat(Growth.of(slope)).isEqualTo(Growth.CONSTANT);
    }

    @Test
    void logNFromTenThousandToAMillionHasASmallSlopeAndIsLogN() {
        double slope = slopeOf(Math::log);
        assertThat(slope).isCloseTo(0.088, within(0.001));
        assertThat(Growth.of(slope)).isEqualTo(Growth.LOG);
    }

    @Test
    void aLinearCostHasSlopeOneAndNLogNCountsAsLinear() {
        assertThat(slopeOf(n -> 7 * n)).isCloseTo(1, within(1e-9));
        assertThat(Growth.of(slopeOf(n -> 7 * n))).isEqualTo(Growth.LINEAR);
        assertThat(Growth.of(slopeOf(n -> n * Math.log(n)))).isEqualTo(Growth.LINEAR);
    }

    @Test
    void theSquareRootIsSublinearAndTheSquareFasterThanLinear() {
        assertThat(Growth.of(slopeOf(Math::sqrt))).isEqualTo(Growth.SUBLINEAR);
        assertThat(slopeOf(n -> n * n)).isCloseTo(2, within(1e-9));
        assertThat(Growth.of(slopeOf(n -> n * n))).isEqualTo(Growth.FASTER_THAN_LINEAR);
    }

    @Test
    void aCostThatFallsAsTheStoreGrowsIsConstant() {
        assertThat(Growth.of(slopeOf(n -> 1e6 / n))).isEqualTo(Growth.CONSTANT);
    }

    @Test
    void theSlopeFitsEveryPointNotOnlyTheEnds() {
        // a middle point off the line moves the fit, the ends alone would give 0
        assertThat(Growth.slope(COUNTS, new double[] {1, 1.2, 1})).isCloseTo(0, within(1e-9));
        assertThat(Growth.slope(COUNTS, new double[] {1, 10, 10})).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aClassExceedsTheDesignOnlyWhenItGrowsFaster() {
        assertThat(Growth.LOG.exceeds(Growth.CONSTANT)).isTrue();
        assertThat(Growth.CONSTANT.exceeds(Growth.LOG)).isFalse();
        assertThat(Growth.LINEAR.exceeds(Growth.LINEAR)).isFalse();
        assertThat(Growth.FASTER_THAN_LINEAR.exceeds(Growth.LINEAR)).isTrue();
    }

    @Test
    void aSlopeNeedsTwoPositivePointsAtDifferentCounts() {
        assertThatThrownBy(() -> Growth.slope(new double[] {10_000}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two points");
        assertThatThrownBy(() -> Growth.slope(COUNTS, new double[] {1, 0, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive")
                .hasMessageContaining("point 1");
        assertThatThrownBy(() -> Growth.slope(new double[] {1000, 1000}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different counts");
    }

    private static double slopeOf(DoubleUnaryOperator cost) {
        double[] costs = new double[COUNTS.length];
        for (int i = 0; i < COUNTS.length; i++) {
            costs[i] = cost.applyAsDouble(COUNTS[i]);
        }
        return Growth.slope(COUNTS, costs);
    }
}
