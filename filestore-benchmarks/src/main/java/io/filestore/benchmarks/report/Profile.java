package io.filestore.benchmarks.report;

import java.util.Locale;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How big and how long a run of the {@link Suite} is: {@code full} is the published run (100k
 * records, open of 100k and 1M, about 18 minutes on 2 cores), {@code quick} a smoke run of the same
 * benchmarks on tiny data sets (a few minutes) that proves everything works, not how fast it is.
 */
public enum Profile {

    QUICK(new Sizes(2_000, 2_000, 10_000, 2_000, 2_000, 20_000), 1, 500, 2, 500, 1, 3, new SteadyShots(1, 2, 1)),
    // 3 measured rate iterations and 2 shots: the 4 and 3 of the first full run took 23 min, past the 20-minute budget
    FULL(new Sizes(100_000, 100_000, 1_000_000, 100_000, 100_000, 1_000_000), 1, 2000, 3, 2000, 1, 2,
            new SteadyShots(8, 5, 2));

    /**
     * The settings of a single-shot step that must reach the JIT's steady state (the opens of 100k
     * records, a target of PERFORMANCE.md, and of 1M): with 1 warm-up the shots still kept falling over
     * the first opens of a fork, and forks of the same jar differed widely (README.md, "Figures behind
     * design choices"); so more warm-up shots, a garbage collection between shots (an open leaves much
     * garbage, which otherwise the next shot collects), and two forks.
     */
    record SteadyShots(int warmups, int shots, int forks) {
    }

    private final Sizes sizes;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int iterations;
    private final int iterationMillis;
    private final int singleShotWarmups;
    private final int singleShots;
    private final SteadyShots steady;

    Profile(Sizes sizes, int warmupIterations, int warmupMillis, int iterations, int iterationMillis,
            int singleShotWarmups, int singleShots, SteadyShots steady) {
        this.sizes = sizes;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.iterations = iterations;
        this.iterationMillis = iterationMillis;
        this.singleShotWarmups = singleShotWarmups;
        this.singleShots = singleShots;
        this.steady = steady;
    }

    /** The data-set sizes. */
    public Sizes sizes() {
        return sizes;
    }

    int warmupIterations() {
        return warmupIterations;
    }

    /** Applies the iteration settings of a rate benchmark (throughput or average time). */
    ChainedOptionsBuilder rates(ChainedOptionsBuilder options) {
        return options.warmupIterations(warmupIterations).warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(iterationMillis));
    }

    /**
     * Applies the iteration settings of a single-shot benchmark; {@code warm} false skips the warm-up
     * (for the flush, whose every iteration is long and disk-bound rather than JIT-bound).
     */
    ChainedOptionsBuilder singleShots(ChainedOptionsBuilder options, boolean warm) {
        return options.warmupIterations(warm ? singleShotWarmups : 0).measurementIterations(singleShots)
                .timeout(TimeValue.minutes(10));
    }

    /** Applies the iteration settings of a single-shot step measured in the JIT's steady state (see {@link SteadyShots}). */
    ChainedOptionsBuilder steadyShots(ChainedOptionsBuilder options) {
        return options.warmupIterations(steady.warmups()).measurementIterations(steady.shots()).forks(steady.forks())
                .shouldDoGC(true).timeout(TimeValue.minutes(10));
    }

    /** The iteration settings in words, for the report. */
    String describeRates() {
        return String.format(Locale.ROOT, "%d x %.1f s warm-up (durable inserts: %d), %d x %.1f s measured",
                warmupIterations, warmupMillis / 1000.0, warmupIterations + Steps.DURABLE_EXTRA_WARMUPS, iterations,
                iterationMillis / 1000.0);
    }

    /** The single-shot settings in words, for the report. */
    String describeSingleShots() {
        return String.format("%d warm-up + %d measured shots (flush: no warm-up, one shot; open %s and %s: %d fork%s of %d"
                        + " warm-up + %d measured shots with a GC before each; first open: one shot in a new JVM)",
                singleShotWarmups, singleShots, Workloads.count(sizes.openSmall()), Workloads.count(sizes.openLarge()),
                steady.forks(),
                steady.forks() == 1 ? "" : "s", steady.warmups(), steady.shots());
    }
}
