package io.filestore.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How big and how long a scaling run is ({@link ScalingSuite}): the record counts every workload is
 * measured at, and the {@link Profile} whose warm-ups, iterations and shots its steps take (one fork
 * each). {@code scaling} is the published page: 10k, 100k and 1M records with the full profile's
 * iterations (about 12 minutes on 2 cores, see README.md); {@code scaling-quick} a smoke run at 1k, 3k
 * and 10k with the quick profile's, that proves the page is written, not how cost grows. The counts
 * can be replaced with {@code -Dbench.scaling.sizes=10000,100000,1000000,5000000} (ascending, at least
 * two, each at least {@value #MIN_RECORDS}).
 */
enum ScalingProfile {

    SCALING(List.of(10_000, 100_000, 1_000_000), Profile.FULL, "docs/benchmarks/" + ScalingReport.FOLDER),
    SCALING_QUICK(List.of(1_000, 3_000, 10_000), Profile.QUICK, "filestore-benchmarks/target/benchmarks-scaling-quick");

    /** The system property that replaces the profile's record counts. */
    static final String SIZES_PROPERTY = "bench.scaling.sizes";
    /** The smallest count: 1% of it must be some records, and the flush's slices need room. */
    static final int MIN_RECORDS = 1000;

    private final List<Integer> sizes;
    private final Profile settings;
    private final String defaultFolder;

    ScalingProfile(List<Integer> sizes, Profile settings, String defaultFolder) {
        this.sizes = sizes;
        this.settings = settings;
        this.defaultFolder = defaultFolder;
    }

    /** The profile called {@code name} on the command line ({@code scaling}, {@code scaling-quick}). */
    static ScalingProfile named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The name on the command line and in {@code run.json}. */
    String runName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The record counts: {@link #SIZES_PROPERTY} when set, else the profile's. */
    List<Integer> sizes() {
        String property = System.getProperty(SIZES_PROPERTY);
        return property == null ? sizes : parseSizes(property);
    }

    /** The profile whose iteration settings the steps use. */
    Profile settings() {
        return settings;
    }

    /** Where the page goes when no folder is given. */
    String defaultFolder() {
        return defaultFolder;
    }

    /**
     * The record counts of {@code text}, comma-separated; rejects anything but at least two ascending
     * whole numbers of at least {@value #MIN_RECORDS}, naming the property, the value and what it takes.
     */
    static List<Integer> parseSizes(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int count;
            try {
                count = Integer.parseInt(part.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw badSizes(text, "'" + part.trim() + "' is not a whole number");
            }
            if (count < MIN_RECORDS) {
                throw badSizes(text, count + " is below " + MIN_RECORDS);
            }
            if (!counts.isEmpty() && count <= counts.get(counts.size() - 1)) {
                throw badSizes(text, "the counts are not in ascending order");
            }
            counts.add(count);
        }
        if (counts.size() < 2) {
            throw badSizes(text, "a slope needs at least two counts");
        }
        return List.copyOf(counts);
    }

    private static IllegalArgumentException badSizes(String text, String why) {
        return new IllegalArgumentException(SIZES_PROPERTY + "='" + text + "': " + why + "; give at least two record"
                + " counts of at least " + MIN_RECORDS + ", ascending and comma-separated, e.g. 10000,100000,1000000");
    }
}
