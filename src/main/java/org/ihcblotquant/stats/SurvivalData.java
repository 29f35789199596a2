package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Right-censored survival data: time, event (true = event, false = censored) and group per subject. */
public final class SurvivalData {
    private final double[] time;
    private final boolean[] event;
    private final int[] group;
    private final List<String> levels;
    private CutPoint.Assignment cut;
    private String strataName;
    /** Row of the source table of each subject (StatsInput), for covariates read later. */
    private int[] rows;
    private int[] strata;
    private List<String> strataLevels;

    /** @param group index into {@code levels} for each subject */
    public SurvivalData(double[] time, boolean[] event, int[] group, List<String> levels) {
        if (time.length != event.length || time.length != group.length) {
            throw new IllegalArgumentException("time, event and group differ in length");
        }
        this.time = time.clone();
        this.event = event.clone();
        this.group = group.clone();
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
    }

    /** Records the score cut that made the groups (StatsInput). */
    SurvivalData withCut(CutPoint.Assignment assignment) {
        this.cut = assignment;
        return this;
    }

    SurvivalData withRows(int[] sourceRows) {
        this.rows = sourceRows;
        return this;
    }

    /** Row of the source table of each subject, or null when the data were built in memory. */
    public int[] sourceRows() {
        return rows == null ? null : rows.clone();
    }

    /** Records the stratum of each subject (StatsInput). */
    SurvivalData withStrata(String name, int[] stratum, List<String> levels) {
        this.strataName = name;
        this.strata = stratum;
        this.strataLevels = Collections.unmodifiableList(new ArrayList<>(levels));
        return this;
    }

    /** Stratum index per subject, or null without strata. */
    public int[] strata() {
        return strata == null ? null : strata.clone();
    }

    public String strataName() {
        return strataName;
    }

    public List<String> strataLevels() {
        return strataLevels;
    }

    /** The score cut that made the groups, or null when they come from a column. */
    public CutPoint.Assignment cut() {
        return cut;
    }

    /** One group holding every subject. */
    public static SurvivalData single(double[] time, boolean[] event, String level) {
        return new SurvivalData(time, event, new int[time.length], Collections.singletonList(level));
    }

    public int size() {
        return time.length;
    }

    public double time(int i) {
        return time[i];
    }

    public boolean event(int i) {
        return event[i];
    }

    public int group(int i) {
        return group[i];
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** Subjects of one group, as their own single-group data set. */
    public SurvivalData subset(int g) {
        List<Double> t = new ArrayList<>();
        List<Boolean> e = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            if (group[i] == g) {
                t.add(time[i]);
                e.add(event[i]);
            }
        }
        double[] tt = new double[t.size()];
        boolean[] ee = new boolean[t.size()];
        for (int i = 0; i < tt.length; i++) {
            tt[i] = t.get(i);
            ee[i] = e.get(i);
        }
        return single(tt, ee, levels.get(g));
    }

    /** Subjects of groups a and b as two-group data (a first). */
    public SurvivalData pair(int a, int b) {
        int m = count(a) + count(b);
        double[] t = new double[m];
        boolean[] e = new boolean[m];
        int[] g = new int[m];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (group[i] == a || group[i] == b) {
                t[k] = time[i];
                e[k] = event[i];
                g[k] = group[i] == a ? 0 : 1;
                k++;
            }
        }
        List<String> two = new ArrayList<>();
        two.add(levels.get(a));
        two.add(levels.get(b));
        return new SurvivalData(t, e, g, two);
    }

    public int count(int g) {
        int n = 0;
        for (int x : group) {
            if (x == g) {
                n++;
            }
        }
        return n;
    }

    public int events(int g) {
        int n = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g && event[i]) {
                n++;
            }
        }
        return n;
    }

    /** Sorted distinct times at which at least one event happened (any group). */
    public double[] eventTimes() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            if (event[i]) {
                t.add(time[i]);
            }
        }
        return distinctSorted(t);
    }

    /** Sorted distinct times of events or censorings. */
    public double[] allTimes() {
        List<Double> t = new ArrayList<>();
        for (double x : time) {
            t.add(x);
        }
        return distinctSorted(t);
    }

    private static double[] distinctSorted(List<Double> t) {
        Collections.sort(t);
        List<Double> d = new ArrayList<>();
        for (Double x : t) {
            if (d.isEmpty() || !d.get(d.size() - 1).equals(x)) {
                d.add(x);
            }
        }
        double[] out = new double[d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.get(i);
        }
        return out;
    }
}
