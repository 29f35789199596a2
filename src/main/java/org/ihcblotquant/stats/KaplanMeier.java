package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Kaplan–Meier estimate of one group as R's {@code survfit}: one row per distinct time (event or
 * censoring), S(t) right-continuous, Greenwood variance var(log S) = sum d / (n (n - d)), and the
 * standard error of S printed by {@code summary.survfit}, S sqrt(var(log S)).
 */
public final class KaplanMeier {

    /** One row of the survival table. */
    public static final class Row {
        public final double time;
        public final int nRisk;
        public final int nEvent;
        public final int nCensor;
        public final double surv;
        /** Standard error of S(t) (R summary.survfit "std.err"); NaN once S = 0. */
        public final double stdErr;
        /** Standard error of log S(t) (R survfit$std.err). */
        public final double stdErrLog;
        public final double lower;
        public final double upper;

        Row(double time, int nRisk, int nEvent, int nCensor, double surv, double stdErr, double stdErrLog,
                double lower, double upper) {
            this.time = time;
            this.nRisk = nRisk;
            this.nEvent = nEvent;
            this.nCensor = nCensor;
            this.surv = surv;
            this.stdErr = stdErr;
            this.stdErrLog = stdErrLog;
            this.lower = lower;
            this.upper = upper;
        }
    }

    public final String level;
    public final int n;
    public final int events;
    public final ConfType confType;
    public final double confLevel;
    public final List<Row> rows;
    private final double[] times;

    private KaplanMeier(String level, int n, int events, ConfType confType, double confLevel, List<Row> rows,
            double[] times) {
        this.level = level;
        this.n = n;
        this.events = events;
        this.confType = confType;
        this.confLevel = confLevel;
        this.rows = Collections.unmodifiableList(rows);
        this.times = times;
    }

    /** Fits the curve of all subjects in {@code data} (use {@link SurvivalData#subset} per group). */
    public static KaplanMeier fit(SurvivalData data, ConfType confType, double confLevel) {
        int n = data.size();
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        List<Row> rows = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        int events = 0;
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = data.time(i);
        }
        // one pass over the subjects sorted by time: those at risk at t are the ones not yet passed
        int[] idx = IndexSort.byTime(times);
        int k = 0;
        while (k < n) {
            double t = times[idx[k]];
            int atRisk = n - k;
            int d = 0;
            int c = 0;
            while (k < n && times[idx[k]] == t) {
                if (data.event(idx[k])) {
                    d++;
                } else {
                    c++;
                }
                k++;
            }
            events += d;
            if (d > 0) {
                s *= 1.0 - d / (double) atRisk;
                greenwood += d < atRisk ? d / ((double) atRisk * (atRisk - d)) : Double.POSITIVE_INFINITY;
            }
            double seLog = Math.sqrt(greenwood);
            double se = s == 0 ? Double.NaN : s * seLog;
            double[] ci = interval(s, seLog, z, confType);
            rows.add(new Row(t, atRisk, d, c, s, se, s == 0 ? Double.NaN : seLog, ci[0], ci[1]));
        }
        return new KaplanMeier(data.levels().get(0), n, events, confType, confLevel, rows, times);
    }

    /** Pointwise interval of S; NaN (R's NA) where it is undefined (S = 0, or S = 1 for log-log). */
    static double[] interval(double s, double seLog, double z, ConfType type) {
        if (s == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        switch (type) {
            case LOG: {
                double lo = Math.exp(Math.log(s) - z * seLog);
                double hi = Math.min(1.0, Math.exp(Math.log(s) + z * seLog));
                return new double[] {lo, hi};
            }
            case LOG_LOG: {
                if (s == 1) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double ll = Math.log(-Math.log(s));
                double w = z * seLog / Math.abs(Math.log(s));
                return new double[] {Math.exp(-Math.exp(ll + w)), Math.exp(-Math.exp(ll - w))};
            }
            default: {
                double se = s * seLog;
                return new double[] {Math.max(0.0, s - z * se), Math.min(1.0, s + z * se)};
            }
        }
    }

    /** S(t) at any time t (1 before the first event). */
    public double survivalAt(double t) {
        double s = 1;
        for (Row r : rows) {
            if (r.time <= t) {
                s = r.surv;
            }
        }
        return s;
    }

    /** Number at risk at time t: subjects whose time is >= t (R summary(fit, times = t)). */
    public int atRisk(double t) {
        int k = 0;
        for (double x : times) {
            if (x >= t) {
                k++;
            }
        }
        return k;
    }

    /** Median survival with its interval by the rule of R's printed survfit table. */
    public MedianSurvival median() {
        return median(MedianRule.PRINTED);
    }

    /** Median survival with its interval: NaN entries mean "not reached" (R prints NA). */
    public MedianSurvival median(MedianRule rule) {
        int m = rows.size();
        double[] t = new double[m];
        double[] s = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            Row r = rows.get(i);
            t[i] = r.time;
            s[i] = r.surv;
            lo[i] = r.lower;
            hi[i] = r.upper;
            if (confType == ConfType.LOG_LOG && r.surv == 1) {
                // the log-log band is undefined before the first event; the curve is 1 there
                lo[i] = 1;
                hi[i] = 1;
            }
        }
        return new MedianSurvival(quantileTime(t, s, 0.5, rule), quantileTime(t, lo, 0.5, rule),
                quantileTime(t, hi, 0.5, rule));
    }

    /**
     * The time where a horizontal line at p meets the step curve y: the first time with
     * y &lt;= p; when y equals p (within sqrt(machine eps)) on a flat, the midpoint of that flat
     * up to the next drop; when the curve ends on the flat, its start ({@link MedianRule#PRINTED},
     * R's survmean) or the midpoint to the last time ({@link MedianRule#MIDPOINT}, R's
     * quantile.survfit). NaN values (undefined band) are skipped; NaN when p is never reached.
     */
    static double quantileTime(double[] t, double[] y, double p, MedianRule rule) {
        double tol = Math.sqrt(Math.ulp(1.0));
        int n = t.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i]) || y[i] > p + tol) {
                continue;
            }
            if (Math.abs(y[i] - p) < tol) {
                for (int j = i + 1; j < n; j++) {
                    if (!Double.isNaN(y[j]) && y[j] < y[i] - tol) {
                        return (t[i] + t[j]) / 2;
                    }
                }
                return rule == MedianRule.MIDPOINT ? (t[i] + t[n - 1]) / 2 : t[i];
            }
            return t[i];
        }
        return Double.NaN;
    }

    /** The row in force at time t (the last row at or before t), or null before the first row. */
    private Row rowAt(double t) {
        Row in = null;
        for (Row r : rows) {
            if (r.time <= t) {
                in = r;
            } else {
                break;
            }
        }
        return in;
    }

    /**
     * Survival at a time with its pointwise interval, as R's {@code summary(fit, times = t)}:
     * {surv, std_err, lower, upper}. Before the first time, S = 1 with no interval; after the
     * last time the curve is unknown (NaN), as R refuses to extend it.
     */
    public double[] survivalWithInterval(double t) {
        if (!rows.isEmpty() && t > rows.get(rows.size() - 1).time) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        Row r = rowAt(t);
        if (r == null) {
            return new double[] {1, 0, 1, 1};
        }
        return new double[] {r.surv, r.stdErr, r.lower, r.upper};
    }

    /**
     * Restricted mean survival time up to {@code tau}: the area under the curve on [0, tau],
     * with the standard error R's {@code print(survfit, rmean = tau)} reports (the Greenwood-type
     * sum over event times of (area after t)^2 d / (n (n - d))) and a normal interval.
     *
     * @return {rmst, se, lower, upper}
     */
    public double[] restrictedMean(double tau, double confLevel) {
        List<Double> tt = new ArrayList<>();
        List<Double> ss = new ArrayList<>();
        List<Double> hh = new ArrayList<>();
        for (Row r : rows) {
            if (r.time <= tau) {
                tt.add(r.time);
                ss.add(r.surv);
                int left = r.nRisk - r.nEvent;
                hh.add(left == 0 ? 0.0 : r.nEvent / ((double) r.nRisk * left));
            }
        }
        double lastS = ss.isEmpty() ? 1 : ss.get(ss.size() - 1);
        tt.add(tau);
        ss.add(lastS);
        hh.add(0.0);
        int m = tt.size();
        // rectangle k spans (t[k-1], t[k]] at height S(t[k-1]) (S = 1 before the first time)
        double[] rect = new double[m];
        double prevT = 0;
        double prevS = 1;
        double area = 0;
        for (int k = 0; k < m; k++) {
            rect[k] = (tt.get(k) - prevT) * prevS;
            area += rect[k];
            prevT = tt.get(k);
            prevS = ss.get(k);
        }
        double var = 0;
        double after = 0;
        for (int k = m - 1; k >= 1; k--) {
            after += rect[k];
            var += after * after * hh.get(k - 1);
        }
        double se = Math.sqrt(var);
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        return new double[] {area, se, area - z * se, area + z * se};
    }
}
