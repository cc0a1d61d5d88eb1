package io.filestore.internal.index;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Sorts a large array as two halves side by side, one on an executor, then merges them: the sort of
 * a unique index's keys at open otherwise runs on one core while the others wait, a visible part of
 * an open (filestore-benchmarks/README.md, "Figures behind design choices"). {@link Arrays#parallelSort} does not help there: it sorts on one thread whenever the
 * common pool has a parallelism of 1, as it has on 2 cores.
 */
final class SplitSort {

    /** Below this many elements one thread sorts: handing half to another thread would cost more than it saves. */
    static final int MIN_SPLIT = 1 << 14;

    private SplitSort() {
    }

    /** The elements of {@code array} sorted by {@code order} (stable); the array itself when it is small. */
    static <T> T[] sort(T[] array, Comparator<? super T> order, Executor executor) {
        if (array.length < MIN_SPLIT) {
            Arrays.sort(array, order);
            return array;
        }
        int middle = array.length >>> 1;
        FutureTask<Void> upper = new FutureTask<>(() -> Arrays.sort(array, middle, array.length, order), null);
        executor.execute(upper);
        Arrays.sort(array, 0, middle, order);
        // runs the upper half here unless a pool thread has started it: waiting for a task still queued
        // behind busy threads, some of which may wait for this one, could wait for ever
        upper.run();
        await(upper);
        return merge(array, middle, order);
    }

    private static <T> T[] merge(T[] halves, int middle, Comparator<? super T> order) {
        T[] out = Arrays.copyOf(halves, halves.length);
        int left = 0;
        int right = middle;
        for (int i = 0; i < out.length; i++) {
            // ties take the lower half first, which keeps the sort stable
            if (right == halves.length || (left < middle && order.compare(halves[left], halves[right]) <= 0)) {
                out[i] = halves[left++];
            } else {
                out[i] = halves[right++];
            }
        }
        return out;
    }

    private static void await(FutureTask<Void> task) {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sorting an index", e);
        }
    }
}
