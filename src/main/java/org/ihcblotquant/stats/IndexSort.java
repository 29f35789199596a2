package org.ihcblotquant.stats;

/**
 * Stable sort of subject indices 0..n-1 by a comparison of two indices, on primitive ints: the
 * survival code sorts 200,000 subjects several times, and boxed {@code Integer[]} sorts with
 * lambda comparators cost seconds there before the JIT warms up.
 */
final class IndexSort {

    /** Compares subjects a and b (negative: a first). */
    interface Order {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    static int[] sort(int n, Order order) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(idx, tmp, 0, n, order);
        return idx;
    }

    /** Subjects by increasing time. */
    static int[] byTime(final double[] time) {
        return sort(time.length, (a, b) -> Double.compare(time[a], time[b]));
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, Order order) {
        if (hi - lo < 24) {
            // insertion sort for short runs (stable)
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && order.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, order);
        mergeSort(a, tmp, mid, hi, order);
        if (order.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && order.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
