package io.filestore.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;

/**
 * Not a JMH benchmark: the propagation delay of shared mode, which JMH's per-call timing cannot see. Two
 * instances on one real PostgreSQL ({@link SharedCluster}); each round puts a record on the first and
 * measures from the moment that put returned (committed in the database) until the second instance
 * serves it (its follow thread woke on the {@code NOTIFY}, read the change table and applied the change),
 * polling every 20 µs. Prints p50, p90, p99 and the maximum in milliseconds, after 200 rounds of warm-up.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar io.filestore.benchmarks.SharedPropagationProbe [rounds]}
 * (2000 by default).
 */
public final class SharedPropagationProbe {

    private static final long POLL_NANOS = 20_000;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private SharedPropagationProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (SharedCluster cluster = SharedCluster.start()) {
            FileStore writer = cluster.instance();
            FileStore reader = cluster.instance();
            measure(writer, reader, 0, 200);
            long[] delays = measure(writer, reader, 200, rounds);
            System.out.println(report(delays));
        }
    }

    /** The delays in nanoseconds of records {@code first} .. {@code first + rounds - 1}, sorted. */
    static long[] measure(FileStore writer, FileStore reader, int first, int rounds) {
        DocumentCollection from = writer.collection(SharedCluster.COLLECTION);
        DocumentCollection to = reader.collection(SharedCluster.COLLECTION);
        long[] delays = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            int i = first + round;
            String id = Records.id(i);
            from.put(id, Records.record(i));
            long committed = System.nanoTime();
            while (to.getJson(id).isEmpty()) {
                if (System.nanoTime() - committed > GIVE_UP_NANOS) {
                    throw new IllegalStateException("record " + id + " did not reach the second instance in 30 s");
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            delays[round] = System.nanoTime() - committed;
        }
        Arrays.sort(delays);
        return delays;
    }

    /** p50, p90, p99 and max of sorted delays, in milliseconds. */
    static String report(long[] sorted) {
        return String.format("propagation delay over %d writes: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
                sorted.length, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
