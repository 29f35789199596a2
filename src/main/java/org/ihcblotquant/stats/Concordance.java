package org.ihcblotquant.stats;

import java.util.Arrays;

/**
 * Harrell's concordance of a risk score with survival, as R's {@code concordance()} reports it for
 * a Cox model (survival 3.x, {@code timewt = "n"}): a pair is comparable when the shorter time is
 * an event (at equal times, an event against a censoring counts, two events do not); it is
 * concordant when the subject who failed first has the higher risk score. C = (concordant +
 * tied/2) / (concordant + discordant + tied), tied meaning equal scores. Counted within strata,
 * in O(n log n) with a Fenwick tree over the ranks of the score.
 */
public final class Concordance {
    public final double concordant;
    public final double discordant;
    public final double tiedRisk;
    public final double concordance;

    private Concordance(double concordant, double discordant, double tiedRisk) {
        this.concordant = concordant;
        this.discordant = discordant;
        this.tiedRisk = tiedRisk;
        double total = concordant + discordant + tiedRisk;
        this.concordance = total == 0 ? Double.NaN : (concordant + tiedRisk / 2) / total;
    }

    /** @param strata stratum of each subject, or null for one stratum */
    public static Concordance of(double[] time, boolean[] event, double[] risk, int[] strata) {
        int n = time.length;
        final int[] st = strata == null ? new int[n] : strata;
        // by stratum, decreasing time, and censored before events at equal times, so that a
        // censoring at the time of an event is already in the tree when the event is counted
        int[] idx = IndexSort.sort(n, (a, b) -> st[a] != st[b] ? Integer.compare(st[a], st[b])
                : time[a] != time[b] ? Double.compare(time[b], time[a])
                        : Boolean.compare(event[a], event[b]));
        double conc = 0;
        double disc = 0;
        double tied = 0;
        int start = 0;
        while (start < n) {
            int stop = start;
            while (stop < n && st[idx[stop]] == st[idx[start]]) {
                stop++;
            }
            // ranks of the risk score within this stratum
            double[] scores = new double[stop - start];
            for (int k = start; k < stop; k++) {
                scores[k - start] = risk[idx[k]];
            }
            double[] distinct = distinct(scores);
            long[] tree = new long[distinct.length + 1];
            int total = 0;
            int k = start;
            while (k < stop) {
                double t = time[idx[k]];
                int end = k;
                // censored at t first: comparable to the events at t
                while (end < stop && time[idx[end]] == t && !event[idx[end]]) {
                    add(tree, rank(distinct, risk[idx[end]]), 1);
                    total++;
                    end++;
                }
                int eventsFrom = end;
                while (end < stop && time[idx[end]] == t) {
                    int rk = rank(distinct, risk[idx[end]]);
                    long below = sum(tree, rk - 1);
                    long atOrBelow = sum(tree, rk);
                    conc += below;
                    tied += atOrBelow - below;
                    disc += total - atOrBelow;
                    end++;
                }
                for (int e = eventsFrom; e < end; e++) {
                    add(tree, rank(distinct, risk[idx[e]]), 1);
                    total++;
                }
                k = end;
            }
            start = stop;
        }
        return new Concordance(conc, disc, tied);
    }

    private static double[] distinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }

    /** 1-based rank of v among the distinct values. */
    private static int rank(double[] distinct, double v) {
        return Arrays.binarySearch(distinct, v) + 1;
    }

    private static void add(long[] tree, int i, long delta) {
        for (; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    private static long sum(long[] tree, int i) {
        long s = 0;
        for (; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }
}
