package io.filestore.benchmarks.report;

/**
 * How a cost grows with the number of records n, read from the slope b of a straight line fitted to
 * the measured points on log-log axes (cost ~ n^b). Over the scaling page's sizes (10k to 1M, two
 * decades) log n grows by a factor of 1.5, a slope of about 0.09, and n log n has a slope of about
 * 1.09; so each class reaches a little beyond its ideal slope, which also leaves room for the noise of
 * one fork per point (a 20% error at one end of two decades moves the slope by 0.04).
 */
enum Growth {

    /** b at most 0.05. */
    CONSTANT("constant", 0.05),
    /** b at most 0.2: log n (0.09 over 10k-1M, 0.13 over 1k-10k), or a constant cost that misses caches more often. */
    LOG("log n", 0.2),
    /** b at most 0.8: more than log n, clearly less than linear (fixed costs still weigh at the small end). */
    SUBLINEAR("sublinear", 0.8),
    /** b at most 1.2: proportional to n, n log n included. */
    LINEAR("linear", 1.2),
    /** b above 1.2. */
    FASTER_THAN_LINEAR("faster than linear", Double.POSITIVE_INFINITY);

    private final String label;
    private final double highestSlope;

    Growth(String label, double highestSlope) {
        this.label = label;
        this.highestSlope = highestSlope;
    }

    /** The class of a fitted slope; a negative slope (a cost that falls as n grows) is constant. */
    static Growth of(double slope) {
        for (Growth growth : values()) {
            if (slope <= growth.highestSlope) {
                return growth;
            }
        }
        return FASTER_THAN_LINEAR;
    }

    /**
     * The least-squares slope of ln(cost) against ln(records): the exponent b of cost ~ n^b.
     *
     * @throws IllegalArgumentException with fewer than two points, arrays of different lengths, a count
     *                                  or cost that is not positive, or every point at one count
     */
    static double slope(double[] records, double[] costs) {
        if (records.length != costs.length || records.length < 2) {
            throw new IllegalArgumentException("a slope needs at least two points with a cost each; got "
                    + records.length + " counts and " + costs.length + " costs");
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < records.length; i++) {
            if (!(records[i] > 0) || !(costs[i] > 0)) {
                throw new IllegalArgumentException("counts and costs must be positive; point " + i + " is ("
                        + records[i] + ", " + costs[i] + ")");
            }
            meanX += Math.log(records[i]) / records.length;
            meanY += Math.log(costs[i]) / records.length;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < records.length; i++) {
            double dx = Math.log(records[i]) - meanX;
            covariance += dx * (Math.log(costs[i]) - meanY);
            variance += dx * dx;
        }
        if (variance == 0) {
            throw new IllegalArgumentException("a slope needs at least two different counts");
        }
        return covariance / variance;
    }

    /** Whether this class grows faster than {@code design} allows. */
    boolean exceeds(Growth design) {
        return ordinal() > design.ordinal();
    }

    /** The class in words, for the report. */
    String label() {
        return label;
    }
}
