package org.ihcblotquant.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.io.Table;

/**
 * Reports (JSON, text, table) of the comparisons added next to {@link GroupComparison}:
 * Kruskal–Wallis with Dunn's test, Welch's ANOVA with Games–Howell, and the Wilcoxon
 * signed-rank test, plus the effect sizes of two-group and one-way comparisons.
 */
public final class ExtraComparison {

    private ExtraComparison() {
    }

    public static Map<String, Object> json(KruskalWallis k, GroupedValues g) {
        Map<String, Object> m = Json.object();
        m.put("test", "kruskal");
        m.put("H", k.h);
        m.put("df", k.df);
        m.put("p", k.p);
        m.put("levels", g.levels());
        m.put("adjust", k.adjust.key);
        List<Object> rows = new java.util.ArrayList<>();
        for (KruskalWallis.DunnPair d : k.dunn) {
            Map<String, Object> r = Json.object();
            r.put("pair", d.level + "-" + d.reference);
            r.put("z", d.z);
            r.put("p", d.p);
            r.put("p_adj", d.pAdjusted);
            rows.add(r);
        }
        m.put("dunn", rows);
        return m;
    }

    public static String text(KruskalWallis k) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Kruskal-Wallis rank sum test: H = %.4f, df = %d, p = %s%n", k.h, k.df,
                Report.p(k.p)));
        sb.append("\nDunn's test (").append(k.adjust.label).append("-adjusted p):\n");
        for (KruskalWallis.DunnPair d : k.dunn) {
            sb.append(String.format(Locale.ROOT, "  %-24s z %8.4f  p %10s  p adj %10s%n", d.level + " - " + d.reference,
                    d.z, Report.p(d.p), Report.p(d.pAdjusted)));
        }
        return sb.toString();
    }

    public static Table table(KruskalWallis k) {
        Table t = new Table("test", "comparison", "statistic", "value", "df", "p", "p_adj");
        t.addRow("Kruskal-Wallis", "all groups", "H", k.h, (double) k.df, k.p, Double.NaN);
        for (KruskalWallis.DunnPair d : k.dunn) {
            t.addRow("Dunn (" + k.adjust.key + ")", d.level + "-" + d.reference, "z", d.z, Double.NaN, d.p,
                    d.pAdjusted);
        }
        return t;
    }

    public static Map<String, Object> json(WelchAnova w, GroupedValues g) {
        Map<String, Object> m = Json.object();
        m.put("test", "welch_anova");
        m.put("F", w.f);
        m.put("df1", w.df1);
        m.put("df2", w.df2);
        m.put("p", w.p);
        m.put("levels", g.levels());
        List<Object> rows = new java.util.ArrayList<>();
        for (WelchAnova.Pair p : w.gamesHowell) {
            Map<String, Object> r = Json.object();
            r.put("pair", p.level + "-" + p.reference);
            r.put("diff", p.diff);
            r.put("lwr", p.lower);
            r.put("upr", p.upper);
            r.put("df", p.df);
            r.put("p_adj", p.pAdjusted);
            rows.add(r);
        }
        m.put("games_howell", rows);
        return m;
    }

    public static String text(WelchAnova w) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Welch one-way ANOVA (unequal variances): F = %.4f, df = %s, %.4f, p = %s%n",
                w.f, Report.num(w.df1), w.df2, Report.p(w.p)));
        sb.append("\nGames-Howell (").append(Report.num(w.confLevel * 100)).append("% CI, adjusted p):\n");
        for (WelchAnova.Pair p : w.gamesHowell) {
            sb.append(String.format(Locale.ROOT, "  %-24s diff %10.4g  (%10.4g, %10.4g)  p adj %10s%n",
                    p.level + " - " + p.reference, p.diff, p.lower, p.upper, Report.p(p.pAdjusted)));
        }
        return sb.toString();
    }

    public static Table table(WelchAnova w) {
        Table t = new Table("test", "comparison", "statistic", "value", "df", "df2", "p", "difference", "ci_low",
                "ci_high");
        t.addRow("Welch ANOVA", "all groups", "F", w.f, w.df1, w.df2, w.p, Double.NaN, Double.NaN, Double.NaN);
        for (WelchAnova.Pair p : w.gamesHowell) {
            t.addRow("Games-Howell", p.level + "-" + p.reference, "", Double.NaN, p.df, Double.NaN, p.pAdjusted, p.diff,
                    p.lower, p.upper);
        }
        return t;
    }

    public static Map<String, Object> json(WilcoxonSignedRank s, String lx, String ly) {
        Map<String, Object> m = Json.object();
        m.put("test", "signrank");
        m.put("V", s.v);
        m.put("p", s.p);
        m.put("n", s.n);
        m.put("exact", s.exact);
        m.put("alternative", s.alternative.key);
        m.put("x", lx);
        m.put("y", ly);
        return m;
    }

    public static String text(WilcoxonSignedRank s, String lx, String ly) {
        return String.format(Locale.ROOT, "Wilcoxon signed-rank test (paired), %s vs %s: V = %s, n = %d (non-zero"
                + " differences), p = %s (%s, alternative %s)%n", lx, ly, Report.num(s.v), s.n, Report.p(s.p),
                s.exact ? "exact" : "normal approximation with continuity and tie corrections", s.alternative.key);
    }

    /** Cohen's d, Hedges' g and the Hodges–Lehmann shift of x vs y. */
    public static Map<String, Object> twoGroupEffects(double[] x, double[] y, double confLevel) {
        Map<String, Object> m = Json.object();
        double[] d = EffectSizes.cohenD(x, y, confLevel);
        m.put("cohen_d", d[0]);
        m.put("cohen_d_ci", new double[] {d[1], d[2]});
        m.put("hedges_g", d[3]);
        m.put("hedges_g_ci", new double[] {d[4], d[5]});
        double[] hl = EffectSizes.hodgesLehmann(x, y, confLevel);
        m.put("hodges_lehmann", hl[0]);
        m.put("hodges_lehmann_ci", new double[] {hl[1], hl[2]});
        m.put("conf_level", confLevel);
        m.put("ci_method", "d, g: Hedges-Olkin normal approximation; Hodges-Lehmann: exact (no ties, n < 50), else NA");
        return m;
    }

    public static String twoGroupEffectsText(double[] x, double[] y, double confLevel) {
        double[] d = EffectSizes.cohenD(x, y, confLevel);
        double[] hl = EffectSizes.hodgesLehmann(x, y, confLevel);
        String c = Report.num(confLevel * 100);
        return String.format(Locale.ROOT, "Effect sizes: Cohen's d %.3f (%s%% CI %.3f to %.3f), Hedges' g %.3f"
                + " (%.3f to %.3f), Hodges-Lehmann shift %s (%s)%n", d[0], c, d[1], d[2], d[3], d[4], d[5],
                Report.num(hl[0]), Double.isNaN(hl[1]) ? "no exact CI with ties"
                        : c + "% CI " + Report.num(hl[1]) + " to " + Report.num(hl[2]));
    }
}
