package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.InputException;

/**
 * Kruskal–Wallis rank test of k groups (R's {@code kruskal.test}: H with the tie correction,
 * chi-square on k - 1 df) and Dunn's (1964) pairwise test: z = (mean rank_j - mean rank_i) /
 * sqrt((N (N + 1) / 12 - sum(t^3 - t) / (12 (N - 1))) (1/n_i + 1/n_j)), two-sided normal p,
 * corrected for the number of pairs (Holm by default).
 */
public final class KruskalWallis {

    /** Dunn's test of one pair: level vs reference (z &gt; 0: level ranks higher). */
    public static final class DunnPair {
        public final String level;
        public final String reference;
        public final double z;
        public final double p;
        public final double pAdjusted;

        DunnPair(String level, String reference, double z, double p, double pAdjusted) {
            this.level = level;
            this.reference = reference;
            this.z = z;
            this.p = p;
            this.pAdjusted = pAdjusted;
        }
    }

    public final double h;
    public final int df;
    public final double p;
    public final List<DunnPair> dunn;
    public final PValueAdjust.Method adjust;

    private KruskalWallis(double h, int df, double p, List<DunnPair> dunn, PValueAdjust.Method adjust) {
        this.h = h;
        this.df = df;
        this.p = p;
        this.dunn = Collections.unmodifiableList(dunn);
        this.adjust = adjust;
    }

    public static KruskalWallis test(GroupedValues data, PValueAdjust.Method adjust) {
        int k = data.levelCount();
        int total = 0;
        for (int g = 0; g < k; g++) {
            if (data.values(g).length == 0) {
                throw new InputException("Kruskal-Wallis test: group '" + data.levels().get(g) + "' has no values");
            }
            total += data.values(g).length;
        }
        if (k < 2) {
            throw new InputException("Kruskal-Wallis test needs at least 2 groups");
        }
        double[] all = new double[total];
        int pos = 0;
        for (int g = 0; g < k; g++) {
            System.arraycopy(data.values(g), 0, all, pos, data.values(g).length);
            pos += data.values(g).length;
        }
        double[] ranks = MannWhitney.midRanks(all);
        double[] meanRank = new double[k];
        int[] n = new int[k];
        pos = 0;
        for (int g = 0; g < k; g++) {
            n[g] = data.values(g).length;
            double s = 0;
            for (int i = 0; i < n[g]; i++) {
                s += ranks[pos++];
            }
            meanRank[g] = s / n[g];
        }
        double nn = total;
        double h = 0;
        for (int g = 0; g < k; g++) {
            h += n[g] * Math.pow(meanRank[g] - (nn + 1) / 2, 2);
        }
        h *= 12 / (nn * (nn + 1));
        double ties = MannWhitney.tieCubes(all);
        h /= 1 - ties / (nn * nn * nn - nn);
        List<String> lv = data.levels();
        List<double[]> zs = new ArrayList<>();
        List<int[]> idx = new ArrayList<>();
        double base = nn * (nn + 1) / 12 - ties / (12 * (nn - 1));
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double z = (meanRank[j] - meanRank[i]) / Math.sqrt(base * (1.0 / n[i] + 1.0 / n[j]));
                zs.add(new double[] {z, Distributions.normalTwoSided(z)});
                idx.add(new int[] {i, j});
            }
        }
        double[] p = new double[zs.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = zs.get(i)[1];
        }
        double[] adj = PValueAdjust.adjust(p, adjust);
        List<DunnPair> pairs = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            pairs.add(new DunnPair(lv.get(idx.get(i)[1]), lv.get(idx.get(i)[0]), zs.get(i)[0], p[i], adj[i]));
        }
        return new KruskalWallis(h, k - 1, Distributions.chiSquareUpper(h, k - 1), pairs, adjust);
    }
}
