package io.filestore.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JMH run of the suite: the benchmarks a regular expression selects, with parameters that
 * override their {@code @Param} defaults, measured as its {@link Kind} says with the {@link Profile}'s
 * settings for that kind.
 *
 * @param name         a short name, for the log and the report's time per step
 * @param include      the JMH include pattern, anchored
 * @param params       parameter name to values
 * @param kind         how the step is measured
 * @param jvmArgs      arguments appended to the fork's JVM, replacing the benchmark's own
 * @param warmups      warm-up iterations (or shots) instead of the profile's (-1: the profile's)
 * @param shots        measured single shots instead of the profile's (0: the profile's)
 * @param spread       how many forks the step needs ({@link Spread})
 */
record Step(String name, String include, Map<String, String[]> params, Kind kind, String[] jvmArgs,
            int warmups, int shots, Spread spread) {

    /** How a step is measured. */
    enum Kind {
        /** Throughput or average time over timed iterations. */
        RATES,
        /** Single shots after the profile's warm-up shot. */
        SINGLE_SHOTS,
        /** Single shots without a warm-up (the flush, whose every shot is long and disk-bound). */
        COLD_SHOTS,
        /** Single shots in the JIT's steady state: more warm-up shots, a GC before each ({@link Profile.SteadyShots}). */
        STEADY_SHOTS,
        /** One invocation, no warm-up: a benchmark whose one call is the whole measurement (the sustained run). */
        ONE_RUN
    }

    /**
     * How many forks (JVMs) a step runs, as the profile counts them: one; the spread a target is judged
     * on (at least 4 in the full profile, so its median is not one JVM's luck); or half of that, for a
     * step that runs in two rounds minutes apart and is pooled (the fsync-bound targets).
     */
    enum Spread {
        ONE, TARGET, HALF_TARGET
    }

    private static final String PACKAGE = "^io\\.filestore\\.benchmarks\\.";

    /**
     * A fixed 2 GB heap, without the {@code -XX:+AlwaysPreTouch} of the benchmarks' own forks: on these
     * virtual machines pre-touching takes seconds per gigabyte and fork, which over the suite's hundred
     * forks would be a large part of its time budget (README.md, "Figures behind design choices"). The
     * warm-up iterations touch the heap the measurement uses instead.
     */
    private static final String[] HEAP = {"-Xms2g", "-Xmx2g"};

    /** A rate step running {@code classAndMethods} (a regular expression after the package). */
    static Step rates(String name, String classAndMethods) {
        return of(name, classAndMethods, Kind.RATES);
    }

    /** A single-shot step, with ({@code warm}) or without a warm-up shot. */
    static Step singleShots(String name, String classAndMethods, boolean warm) {
        return of(name, classAndMethods, warm ? Kind.SINGLE_SHOTS : Kind.COLD_SHOTS);
    }

    /** A step of one invocation each. */
    static Step oneRun(String name, String classAndMethods) {
        return of(name, classAndMethods, Kind.ONE_RUN);
    }

    private static Step of(String name, String classAndMethods, Kind kind) {
        return new Step(name, PACKAGE + classAndMethods + "$", new LinkedHashMap<>(), kind, HEAP, -1, 0, Spread.ONE);
    }

    /** This step with one more parameter. */
    Step param(String param, Object... values) {
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = String.valueOf(values[i]);
        }
        params.put(param, texts);
        return this;
    }

    /** This step with its forks started with {@code args} instead of the benchmark's own JVM arguments. */
    Step jvm(String... args) {
        return new Step(name, include, params, kind, args, warmups, shots, spread);
    }

    /** This step with {@code count} warm-up iterations (or shots) instead of the profile's. */
    Step warmups(int count) {
        return new Step(name, include, params, kind, jvmArgs, count, shots, spread);
    }

    /** This single-shot step measured in the JIT's steady state ({@link Profile.SteadyShots}). */
    Step inSteadyState() {
        return new Step(name, include, params, Kind.STEADY_SHOTS, jvmArgs, warmups, shots, spread);
    }

    /** This single-shot step with {@code count} measured shots instead of the profile's. */
    Step shots(int count) {
        return new Step(name, include, params, kind, jvmArgs, warmups, count, spread);
    }

    /** This step in as many forks as a target is judged on. */
    Step forTarget() {
        return new Step(name, include, params, kind, jvmArgs, warmups, shots, Spread.TARGET);
    }

    /** This step in half of a target's forks: it runs again in a second round, and the rounds are pooled. */
    Step forTargetInTwoRounds() {
        return new Step(name, include, params, kind, jvmArgs, warmups, shots, Spread.HALF_TARGET);
    }
}
