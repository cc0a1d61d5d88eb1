package io.filestore.benchmarks.report;

import java.util.Locale;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How big and how long a run of the {@link Suite} is: {@code full} is the published run (100k
 * records, 1M for the large lookup, open and heap, a 60 s sustained load; at least 4 forks behind
 * every side of a target; about 24.5 minutes on 2 cores, see README.md), {@code quick} a smoke run of
 * the same benchmarks on tiny data sets, one fork each (a few minutes), that proves everything works,
 * not how fast it is.
 */
public enum Profile {

    QUICK(new Sizes(2_000, 2_000, 10_000, 2_000, 2_000, 20_000, 20_000, 5), new Rates(1, 500, 2, 500),
            1, 2, new SteadyShots(1, 2), 1),
    // 1 s iterations and short warm-ups: the budget goes to forks (4 per target side), which the spread
    // of results between JVMs needs more than longer iterations in one JVM do
    FULL(new Sizes(100_000, 100_000, 1_000_000, 100_000, 100_000, 1_000_000, 1_000_000, 60),
            new Rates(1, 1000, 2, 1000), 1, 2, new SteadyShots(6, 3), 4);

    /** The iterations of a rate step (throughput or average time), per fork. */
    record Rates(int warmups, int warmupMillis, int iterations, int iterationMillis) {
    }

    /**
     * The settings of a single-shot step that must reach the JIT's steady state (the opens): with 1
     * warm-up the shots still kept falling over the first opens of a fork (README.md, "Figures behind
     * design choices"); so more warm-up shots and a garbage collection between shots (an open leaves
     * much garbage, which otherwise the next shot collects).
     */
    record SteadyShots(int warmups, int shots) {
    }

    private final Sizes sizes;
    private final Rates rates;
    private final int singleShotWarmups;
    private final int singleShots;
    private final SteadyShots steady;
    private final int targetForks;

    Profile(Sizes sizes, Rates rates, int singleShotWarmups, int singleShots, SteadyShots steady, int targetForks) {
        this.sizes = sizes;
        this.rates = rates;
        this.singleShotWarmups = singleShotWarmups;
        this.singleShots = singleShots;
        this.steady = steady;
        this.targetForks = targetForks;
    }

    /** The data-set sizes. */
    public Sizes sizes() {
        return sizes;
    }

    /** Applies the settings of {@code step}'s kind, then the step's own warm-ups and shots, and its forks. */
    ChainedOptionsBuilder apply(Step step, ChainedOptionsBuilder options) {
        ChainedOptionsBuilder applied = switch (step.kind()) {
            case RATES -> options.warmupIterations(rates.warmups())
                    .warmupTime(TimeValue.milliseconds(rates.warmupMillis()))
                    .measurementIterations(rates.iterations())
                    .measurementTime(TimeValue.milliseconds(rates.iterationMillis()));
            case SINGLE_SHOTS, COLD_SHOTS -> options
                    .warmupIterations(step.kind() == Step.Kind.SINGLE_SHOTS ? singleShotWarmups : 0)
                    .measurementIterations(singleShots).timeout(TimeValue.minutes(10));
            case STEADY_SHOTS -> options.warmupIterations(steady.warmups()).measurementIterations(steady.shots())
                    .shouldDoGC(true).timeout(TimeValue.minutes(10));
            // one call of about a minute plus the close: a 1 ms iteration ends after the call
            case ONE_RUN -> options.warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(1)).timeout(TimeValue.minutes(30));
        };
        if (step.warmups() >= 0) {
            applied = applied.warmupIterations(step.warmups());
        }
        if (step.shots() > 0) {
            applied = applied.measurementIterations(step.shots());
        }
        return applied.forks(forks(step.spread()));
    }

    /** How many forks a step of this spread runs in this profile. */
    int forks(Step.Spread spread) {
        return switch (spread) {
            case ONE -> 1;
            case TARGET -> targetForks;
            case HALF_TARGET -> Math.max(1, targetForks / 2);
        };
    }

    /** The iteration settings in words, for the report. */
    String describeRates() {
        return String.format(Locale.ROOT, "%d x %.1f s warm-up (durable inserts and updates: more, see README.md),"
                        + " %d x %.1f s measured, per fork", rates.warmups(), rates.warmupMillis() / 1000.0,
                rates.iterations(), rates.iterationMillis() / 1000.0);
    }

    /** The rate iterations in words, without the suite's exceptions: for the scaling page. */
    String describeRateIterations() {
        return String.format(Locale.ROOT, "%d x %.1f s warm-up, %d x %.1f s measured, per fork", rates.warmups(),
                rates.warmupMillis() / 1000.0, rates.iterations(), rates.iterationMillis() / 1000.0);
    }

    /** The single-shot settings in words, without the suite's exceptions: for the scaling page. */
    String describeShots() {
        return String.format(Locale.ROOT, "%d warm-up + %d measured shots; opens: %d warm-up + %d measured shots"
                + " with a GC before each", singleShotWarmups, singleShots, steady.warmups(), steady.shots());
    }

    /** The single-shot settings in words, for the report. */
    String describeSingleShots() {
        return String.format(Locale.ROOT, "%d warm-up + %d measured shots (flush: no warm-up, one shot per round;"
                        + " opens: %d warm-up + %d measured shots with a GC before each, fewer for the open of %s;"
                        + " first open: one shot in a new JVM); sides of a target in %d forks", singleShotWarmups,
                singleShots, steady.warmups(), steady.shots(), Workloads.count(sizes.openLarge()), targetForks);
    }
}
