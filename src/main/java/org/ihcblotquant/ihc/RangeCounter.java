package org.ihcblotquant.ihc;

/** Counts pixels of index ranges into a worker's private tally; one instance per worker thread. */
interface RangeCounter {

    /** Counts pixels {@code start <= i < end}. */
    void add(int[] rgb, int start, int end);

    /** The tally so far. */
    PixelCounts result();
}
