package io.filestore.internal.index;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplitSortTests {

    /** Pairs of (key, original position): few distinct keys, so stability shows. */
    private static int[][] shuffled(int size) {
        Random random = new Random(42);
        int[][] pairs = new int[size][];
        for (int i = 0; i < size; i++) {
            pairs[i] = new int[] {random.nextInt(1000), i};
        }
        return pairs;
    }

    private static final Comparator<int[]> BY_KEY = Comparator.comparingInt(pair -> pair[0]);

    private static void assertSortedAndStable(int[][] sorted, int size) {
        assertThat(sorted.length).isEqualTo(size);
        assertThat(Arrays.stream(sorted).mapToInt(pair -> pair[1]).sorted().toArray())
                .as("a permutation of the input").isEqualTo(java.util.stream.IntStream.range(0, size).toArray());
        for (int i = 1; i < sorted.length; i++) {
            assertThat(sorted[i - 1][0]).isLessThanOrEqualTo(sorted[i][0]);
            if (sorted[i - 1][0] == sorted[i][0]) {
                assertThat(sorted[i - 1][1]).as("equal keys keep their order").isLessThan(sorted[i][1]);
            }
        }
    }

    @Test
    void sortsALargeArrayInHalvesOnAPoolStably() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int size = SplitSort.MIN_SPLIT * 3 + 1;
            assertSortedAndStable(SplitSort.sort(shuffled(size), BY_KEY, pool), size);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sortsBothHalvesItselfWhenThePoolNeverGetsToTheTask() {
        Executor neverRuns = task -> { };
        int size = SplitSort.MIN_SPLIT * 2;
        assertSortedAndStable(SplitSort.sort(shuffled(size), BY_KEY, neverRuns), size);
    }

    @Test
    void sortsASmallArrayInPlaceWithoutThePool() {
        Executor refuses = task -> {
            throw new AssertionError("a small array needs no second thread");
        };
        int[][] small = shuffled(100);
        int[][] sorted = SplitSort.sort(small, BY_KEY, refuses);
        assertThat(sorted).isSameAs(small);
        assertSortedAndStable(sorted, 100);
    }
}
