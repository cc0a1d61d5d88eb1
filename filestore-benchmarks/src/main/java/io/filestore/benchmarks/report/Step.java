package io.filestore.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JMH run of the suite: the benchmarks a regular expression selects, with parameters that
 * override their {@code @Param} defaults.
 *
 * @param name       a short name, for the log and the report's time per step
 * @param include    the JMH include pattern, anchored
 * @param params     parameter name to values
 * @param singleShot whether the benchmarks are single-shot (open, flush) rather than rates
 * @param warm       whether a single-shot step runs its warm-up shot
 * @param steadyState whether a single-shot step runs the profile's steady-state settings instead
 *                   ({@link Profile.SteadyShots})
 * @param jvmArgs    arguments appended to the fork's JVM, replacing the benchmark's own
 * @param extraWarmups warm-up iterations beyond the profile's
 * @param shots      measured single shots instead of the profile's (0: the profile's)
 */
record Step(String name, String include, Map<String, String[]> params, boolean singleShot, boolean warm,
            boolean steadyState, String[] jvmArgs, int extraWarmups, int shots) {

    private static final String PACKAGE = "^io\\.filestore\\.benchmarks\\.";

    /**
     * A fixed 2 GB heap, without the {@code -XX:+AlwaysPreTouch} of the benchmarks' own forks: on these
     * virtual machines pre-touching takes seconds per gigabyte and fork, which over the suite's forty
     * forks would be a large part of its time budget (README.md, "Figures behind design choices"). The warm-up iterations touch the heap
     * the measurement uses instead.
     */
    private static final String[] HEAP = {"-Xms2g", "-Xmx2g"};

    /** A rate step running {@code classAndMethods} (a regular expression after the package). */
    static Step rates(String name, String classAndMethods) {
        return new Step(name, PACKAGE + classAndMethods + "$", new LinkedHashMap<>(), false, true, false, HEAP, 0, 0);
    }

    /** A single-shot step. */
    static Step singleShots(String name, String classAndMethods, boolean warm) {
        return new Step(name, PACKAGE + classAndMethods + "$", new LinkedHashMap<>(), true, warm, false, HEAP, 0, 0);
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
        return new Step(name, include, params, singleShot, warm, steadyState, args, extraWarmups, shots);
    }

    /**
     * This step with more warm-up iterations: with 16 and 64 writer threads busy on 2 cores the JIT's
     * compiler threads get little CPU, and the durable inserts were still climbing through the first
     * measured iteration after one warm-up (64 writers: 15k, then 24-27k, then 29-33k ops/s).
     */
    Step warmLonger(int extra) {
        return new Step(name, include, params, singleShot, warm, steadyState, jvmArgs, extra, shots);
    }

    /** This single-shot step measured in the JIT's steady state ({@link Profile.SteadyShots}). */
    Step inSteadyState() {
        return new Step(name, include, params, singleShot, warm, true, jvmArgs, extraWarmups, shots);
    }

    /** This single-shot step with {@code count} measured shots instead of the profile's. */
    Step shots(int count) {
        return new Step(name, include, params, singleShot, warm, steadyState, jvmArgs, extraWarmups, count);
    }
}
