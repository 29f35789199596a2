package org.ihcblotquant.plate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.TTestResult;
import org.ihcblotquant.stats.TukeyHsd;

/** The results of analysed plates as tables (CSV, ImageJ Results) and as JSON objects. */
public final class PlateTables {

    private PlateTables() {
    }

    private static Object num(double v) {
        return Double.isNaN(v) ? null : (Object) v;
    }

    /** One row per condition: {@code plate, condition, dose, n, mean, sd, sem, mean_raw, sd_raw, cv_percent, role, p_vs_control}. */
    public static Table conditions(List<PlateResult> plates) {
        Table t = new Table("plate", "condition", "dose", "n", "mean", "sd", "sem", "mean_raw", "sd_raw", "cv_percent",
                "role", "p_vs_control");
        for (PlateResult p : plates) {
            for (ConditionSummary c : p.conditions) {
                t.addRow(p.plate, c.condition, num(c.dose), c.n, num(c.mean), num(c.sd), num(c.sem), num(c.meanRaw),
                        num(c.sdRaw), num(c.cvPercent), c.role.name().toLowerCase(java.util.Locale.ROOT),
                        num(pVsControl(p, c)));
            }
        }
        return t;
    }

    /**
     * The p-value shown against the control: Welch's t-test when the plate has exactly two
     * conditions, otherwise Dunnett's adjusted p; NaN for the blank and the control.
     */
    public static double pVsControl(PlateResult p, ConditionSummary c) {
        if (c.role != ConditionSummary.Role.TREATMENT) {
            return Double.NaN;
        }
        if (p.welch != null) {
            return p.welch.p;
        }
        Dunnett.Row r = p.dunnettRow(c.condition);
        return r == null ? Double.NaN : r.p;
    }

    /** One row per used well of the layout, with its flags. */
    public static Table wells(List<PlateResult> plates) {
        Table t = new Table("plate", "well", "condition", "dose", "raw", "raw_text", "blank_subtracted", "normalised",
                "robust_z", "used", "flags");
        for (PlateResult p : plates) {
            for (WellResult w : p.wells) {
                t.addRow(p.plate, w.well, w.condition, num(w.dose), num(w.raw), w.rawText, num(w.blankSubtracted),
                        num(w.normalised), num(w.robustZ), w.used ? "yes" : "no", w.flagText());
            }
        }
        return t;
    }

    /** The tests as rows: ANOVA, Dunnett, Tukey, Welch ({@code plate, test, comparison, statistic, value, df, df2, p, difference, ci_low, ci_high}). */
    public static Table tests(List<PlateResult> plates) {
        Table t = new Table("plate", "test", "comparison", "statistic", "value", "df", "df2", "p", "difference",
                "ci_low", "ci_high");
        for (PlateResult p : plates) {
            if (p.anova != null) {
                t.addRow(p.plate, "one-way ANOVA", "all conditions", "F", num(p.anova.f), p.anova.dfBetween,
                        p.anova.dfWithin, num(p.anova.p), null, null, null);
            }
            if (p.dunnett != null) {
                for (Dunnett.Row r : p.dunnett.rows) {
                    t.addRow(p.plate, "Dunnett", r.condition + " vs " + r.vs, "t", num(r.t), p.dunnett.df, null,
                            num(r.p), num(r.difference), num(r.ciLow), num(r.ciHigh));
                }
            }
            if (p.tukey != null) {
                for (TukeyHsd.Row r : p.tukey.rows) {
                    t.addRow(p.plate, "Tukey HSD", r.pair, "q", num(r.q), p.tukey.df, null, num(r.pAdj), num(r.diff),
                            num(r.lwr), num(r.upr));
                }
            }
            if (p.welch != null) {
                TTestResult w = p.welch;
                t.addRow(p.plate, "Welch t-test", w.x.level + " vs " + w.y.level, "t", num(w.t), num(w.df), null,
                        num(w.p), num(w.difference), num(w.ciLow), num(w.ciHigh));
            }
        }
        return t;
    }

    /** One plate as a JSON object: conditions, wells, anova, dunnett, tukey, welch and the plate's warnings. */
    public static Map<String, Object> json(PlateResult p) {
        Map<String, Object> m = Json.object();
        m.put("plate", p.plate);
        m.put("format", p.format.wells());
        m.put("normalise", p.normalisation.key);
        m.put("blank_mean", p.blankMean);
        m.put("control_mean_blank_subtracted", p.controlMean);
        m.put("max_od_checked", p.maxOdChecked);
        List<Object> conditions = new ArrayList<>();
        for (ConditionSummary c : p.conditions) {
            Map<String, Object> o = Json.object();
            o.put("condition", c.condition);
            o.put("dose", num(c.dose));
            o.put("role", c.role.name().toLowerCase(java.util.Locale.ROOT));
            o.put("n", c.n);
            o.put("mean", c.mean);
            o.put("sd", c.sd);
            o.put("sem", c.sem);
            o.put("mean_raw", c.meanRaw);
            o.put("sd_raw", c.sdRaw);
            o.put("cv_percent", c.cvPercent);
            o.put("p_vs_control", num(pVsControl(p, c)));
            conditions.add(o);
        }
        m.put("conditions", conditions);
        m.put("anova", anova(p));
        List<Object> dunnett = new ArrayList<>();
        if (p.dunnett != null) {
            for (Dunnett.Row r : p.dunnett.rows) {
                Map<String, Object> o = Json.object();
                o.put("condition", r.condition);
                o.put("vs", r.vs);
                o.put("difference", r.difference);
                o.put("std_err", r.stdErr);
                o.put("t", r.t);
                o.put("ci_low", r.ciLow);
                o.put("ci_high", r.ciHigh);
                o.put("p", r.p);
                dunnett.add(o);
            }
            m.put("dunnett_critical_value", p.dunnett.criticalValue);
            m.put("dunnett_df", p.dunnett.df);
            m.put("conf_level", p.dunnett.confLevel);
        }
        m.put("dunnett", dunnett);
        m.put("tukey", tukey(p.tukey));
        m.put("welch", welch(p.welch));
        List<Object> wells = new ArrayList<>();
        for (WellResult w : p.wells) {
            Map<String, Object> o = Json.object();
            o.put("well", w.well);
            o.put("condition", w.condition);
            o.put("raw", num(w.raw));
            o.put("raw_text", w.rawText);
            o.put("blank_subtracted", num(w.blankSubtracted));
            o.put("normalised", num(w.normalised));
            o.put("robust_z", num(w.robustZ));
            o.put("used", w.used);
            o.put("flags", w.flags);
            wells.add(o);
        }
        m.put("wells", wells);
        m.put("warnings", p.warnings);
        return m;
    }

    private static Object anova(PlateResult p) {
        if (p.anova == null) {
            return null;
        }
        Map<String, Object> a = Json.object();
        a.put("F", p.anova.f);
        a.put("df_between", p.anova.dfBetween);
        a.put("df_within", p.anova.dfWithin);
        a.put("ss_between", p.anova.ssBetween);
        a.put("ss_within", p.anova.ssWithin);
        a.put("ms_between", p.anova.msBetween);
        a.put("ms_within", p.anova.msWithin);
        a.put("p", p.anova.p);
        return a;
    }

    /** Tukey HSD with the keys of {@code ihcq stats anova}. */
    private static Object tukey(TukeyHsd tk) {
        if (tk == null) {
            return null;
        }
        Map<String, Object> t = Json.object();
        t.put("conf_level", tk.confLevel);
        t.put("q_crit", tk.qCrit);
        t.put("mse", tk.mse);
        t.put("df", tk.df);
        List<Object> rows = new ArrayList<>();
        for (TukeyHsd.Row r : tk.rows) {
            Map<String, Object> row = Json.object();
            row.put("pair", r.pair);
            row.put("diff", r.diff);
            row.put("lwr", r.lwr);
            row.put("upr", r.upr);
            row.put("q", r.q);
            row.put("p_adj", r.pAdj);
            rows.add(row);
        }
        t.put("rows", rows);
        return t;
    }

    private static Object welch(TTestResult w) {
        if (w == null) {
            return null;
        }
        Map<String, Object> m = Json.object();
        m.put("x", w.x.level);
        m.put("y", w.y.level);
        m.put("t", w.t);
        m.put("df", w.df);
        m.put("p", w.p);
        m.put("difference", w.difference);
        m.put("ci_low", w.ciLow);
        m.put("ci_high", w.ciHigh);
        m.put("conf_level", w.confLevel);
        return m;
    }
}
