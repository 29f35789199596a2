package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;

/**
 * The data of a Cox model: time, event, stratum and the design matrix of each subject. Numeric
 * covariates enter as they are; a factor with k levels enters as k - 1 indicator columns
 * (treatment contrasts against its reference level: the first level in R's factor order unless
 * the user names another). Column names follow R ({@code celltypesmallcell}) so that output can
 * be compared with {@code coxph} line by line. Subjects with a missing value in any column used are
 * left out and counted (R's {@code na.omit}).
 */
public final class CoxData {

    /** One column of the design matrix. */
    public static final class Column {
        /** R's coefficient name: the variable, followed by the level for a factor. */
        public final String name;
        public final String variable;
        /** Level of a factor indicator; null for a numeric covariate. */
        public final String level;
        /** Reference level of the factor; null for a numeric covariate. */
        public final String reference;
        /** Index of the term (variable) this column belongs to. */
        public final int term;

        Column(String name, String variable, String level, String reference, int term) {
            this.name = name;
            this.variable = variable;
            this.level = level;
            this.reference = reference;
            this.term = term;
        }
    }

    public final double[] time;
    public final boolean[] event;
    /** Stratum index per subject; null without strata. */
    public final int[] strata;
    public final List<String> strataLevels;
    public final String strataVariable;
    /** Row per subject. */
    final double[][] x;
    public final List<Column> columns;
    /** Variables in model order (one per term). */
    public final List<String> terms;

    CoxData(double[] time, boolean[] event, int[] strata, List<String> strataLevels, String strataVariable,
            double[][] x, List<Column> columns, List<String> terms) {
        this.time = time;
        this.event = event;
        this.strata = strata;
        this.strataLevels = strataLevels == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(strataLevels);
        this.strataVariable = strataVariable;
        this.x = x;
        this.columns = Collections.unmodifiableList(columns);
        this.terms = Collections.unmodifiableList(terms);
    }

    /**
     * The Cox model of survival groups adjusted for covariates: the groups of {@code data} (a
     * group column or a score cut) as a factor against its first level, plus numeric covariates
     * and factors read from the rows the subjects came from; the strata of {@code data} when it
     * has them. Subjects missing a covariate are left out and counted.
     */
    public static CoxData groupsAdjusted(SurvivalData data, ColumnData d, List<String> covariates,
            List<String> factors, Map<String, String> references, Warnings w) {
        int[] rows = data.sourceRows();
        if (rows == null) {
            throw new IllegalArgumentException("survival data without source rows");
        }
        int[][] cc = new int[covariates.size()][];
        for (int j = 0; j < cc.length; j++) {
            cc[j] = d.column(covariates.get(j));
        }
        int[][] fc = new int[factors.size()][];
        for (int j = 0; j < fc.length; j++) {
            fc[j] = d.column(factors.get(j));
        }
        String groupName = "group";
        List<String> allFactors = new ArrayList<>();
        allFactors.add(groupName);
        allFactors.addAll(factors);
        Map<String, String> refs = new LinkedHashMap<>(references);
        refs.put(groupName, data.levels().get(0));
        int[] st = data.strata();
        List<Integer> keep = new ArrayList<>();
        List<double[]> num = new ArrayList<>();
        List<String[]> fac = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < data.size(); i++) {
            int r = rows[i];
            double[] v = new double[cc.length];
            boolean missing = false;
            for (int j = 0; j < cc.length; j++) {
                v[j] = StatsInput.number(d, r, cc[j], covariates.get(j));
                missing |= Double.isNaN(v[j]);
            }
            String[] f = new String[allFactors.size()];
            f[0] = data.levels().get(data.group(i));
            for (int j = 0; j < fc.length; j++) {
                f[j + 1] = d.get(r, fc[j]).trim();
                missing |= StatsInput.isMissing(f[j + 1]);
            }
            if (missing) {
                skipped++;
                continue;
            }
            keep.add(i);
            num.add(v);
            fac.add(f);
        }
        if (skipped > 0) {
            w.add(skipped + " subject(s) with a missing covariate left out of the adjusted Cox model");
        }
        int n = keep.size();
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] strataCells = st == null ? null : new String[n];
        for (int k = 0; k < n; k++) {
            time[k] = data.time(keep.get(k));
            event[k] = data.event(keep.get(k));
            if (st != null) {
                strataCells[k] = data.strataLevels().get(st[keep.get(k)]);
            }
        }
        return fromCells(d.source(), time, event, num.toArray(new double[0][]), covariates, fac.toArray(new String[0][]),
                allFactors, refs, strataCells, data.strataName());
    }

    /** Builds the model from numbers already in memory (tests, benchmarks, other modules). */
    public static CoxData of(double[] time, boolean[] event, int[] strata, double[][] x, List<String> names) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            cols.add(new Column(names.get(j), names.get(j), null, null, j));
        }
        List<String> levels = null;
        if (strata != null) {
            levels = new ArrayList<>();
            int max = -1;
            for (int s : strata) {
                max = Math.max(max, s);
            }
            for (int s = 0; s <= max; s++) {
                levels.add(String.valueOf(s));
            }
        }
        return new CoxData(time, event, strata, levels, strata == null ? null : "strata", x, cols, names);
    }

    public int size() {
        return time.length;
    }

    public int events() {
        int d = 0;
        for (boolean e : event) {
            if (e) {
                d++;
            }
        }
        return d;
    }

    /**
     * Reads the model's columns from a table.
     *
     * @param covariates numeric covariates (may be empty)
     * @param factors    categorical covariates (may be empty)
     * @param references reference level per factor; factors not listed use their first level
     * @param strata     column of the strata, or null
     */
    public static CoxData read(ColumnData d, String timeColumn, String eventColumn, EventCodes codes,
            List<String> covariates, List<String> factors, Map<String, String> references, String strata,
            Warnings w) {
        if (covariates.isEmpty() && factors.isEmpty()) {
            throw new org.ihcblotquant.job.FieldException("covariates", "a Cox model needs at least one covariate or factor");
        }
        List<String> seen = new ArrayList<>();
        for (String c : concat(covariates, factors)) {
            if (seen.contains(c)) {
                throw new org.ihcblotquant.job.FieldException("covariates", "column '" + c + "' is named twice");
            }
            seen.add(c);
        }
        for (String f : references.keySet()) {
            if (!factors.contains(f)) {
                throw new org.ihcblotquant.job.FieldException("reference", "'" + f + "' is not one of the factors ("
                        + String.join(", ", factors) + ")");
            }
        }
        int[] tc = d.column(timeColumn);
        int[] ec = d.column(eventColumn);
        int[][] cc = new int[covariates.size()][];
        for (int j = 0; j < cc.length; j++) {
            cc[j] = d.column(covariates.get(j));
        }
        int[][] fc = new int[factors.size()][];
        for (int j = 0; j < fc.length; j++) {
            fc[j] = d.column(factors.get(j));
        }
        int[] sc = strata == null ? null : d.column(strata);
        List<Integer> keep = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        List<double[]> numbers = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            double t = StatsInput.number(d, r, tc, timeColumn);
            if (t < 0) {
                throw new InputException(d.where(r, tc, timeColumn) + ": negative time " + d.get(r, tc));
            }
            String ev = d.get(r, ec);
            Boolean e = null;
            if (!StatsInput.isMissing(ev)) {
                e = codes.decode(ev);
                if (e == null) {
                    throw new InputException(d.where(r, ec, eventColumn) + ": event code '" + ev + "' is not one of "
                            + codes.describe());
                }
            }
            double[] row = new double[cc.length];
            boolean missing = Double.isNaN(t) || e == null;
            for (int j = 0; j < cc.length; j++) {
                row[j] = StatsInput.number(d, r, cc[j], covariates.get(j));
                missing |= Double.isNaN(row[j]);
            }
            for (int[] f : fc) {
                missing |= StatsInput.isMissing(d.get(r, f));
            }
            if (sc != null) {
                missing |= StatsInput.isMissing(d.get(r, sc));
            }
            if (missing) {
                skipped.add(r);
                continue;
            }
            keep.add(r);
            numbers.add(concatRow(t, row));
            events.add(e);
        }
        if (!skipped.isEmpty()) {
            List<String> where = new ArrayList<>();
            for (int i = 0; i < skipped.size() && i < 10; i++) {
                where.add(String.valueOf(skipped.get(i) + 1));
            }
            if (skipped.size() > 10) {
                where.add("...");
            }
            w.add(skipped.size() + " row(s) with a missing value in a column of the model left out (data rows "
                    + String.join(", ", where) + ")");
        }
        int n = keep.size();
        if (n == 0) {
            throw new InputException(d.source() + ": no subject has every column of the model");
        }
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[][] numeric = new double[n][cc.length];
        String[][] factorCells = new String[n][fc.length];
        String[] strataCells = sc == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = numbers.get(i)[0];
            event[i] = events.get(i);
            System.arraycopy(numbers.get(i), 1, numeric[i], 0, cc.length);
            for (int j = 0; j < fc.length; j++) {
                factorCells[i][j] = d.get(keep.get(i), fc[j]).trim();
            }
            if (sc != null) {
                strataCells[i] = d.get(keep.get(i), sc).trim();
            }
        }
        return fromCells(d.source(), time, event, numeric, covariates, factorCells, factors, references, strataCells,
                strata);
    }

    /**
     * The design from values already read per subject: numeric covariates, factor cells (levels
     * in R's order, reference first unless {@code references} names another) and strata cells.
     */
    static CoxData fromCells(String source, double[] time, boolean[] event, double[][] numeric,
            List<String> covariates, String[][] factorCells, List<String> factors, Map<String, String> references,
            String[] strataCells, String strataName) {
        int n = time.length;
        List<Column> cols = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<double[]> colValues = new ArrayList<>();
        for (int j = 0; j < covariates.size(); j++) {
            terms.add(covariates.get(j));
            cols.add(new Column(covariates.get(j), covariates.get(j), null, null, terms.size() - 1));
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = numeric[i][j];
            }
            colValues.add(v);
        }
        for (int j = 0; j < factors.size(); j++) {
            String name = factors.get(j);
            LinkedHashSet<String> present = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                present.add(factorCells[i][j]);
            }
            List<String> levels = StatsInput.sortLevels(new ArrayList<>(present));
            String ref = references.get(name);
            if (ref != null) {
                if (!levels.contains(ref)) {
                    throw new org.ihcblotquant.job.FieldException("reference", "level '" + ref + "' not found in column '"
                            + name + "' (levels: " + String.join(", ", levels) + ")");
                }
                levels.remove(ref);
                levels.add(0, ref);
            }
            if (levels.size() < 2) {
                throw new InputException(source + ": factor '" + name + "' has only one level ("
                        + String.join(", ", levels) + ") among the subjects analysed");
            }
            terms.add(name);
            for (int l = 1; l < levels.size(); l++) {
                cols.add(new Column(name + levels.get(l), name, levels.get(l), levels.get(0), terms.size() - 1));
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = factorCells[i][j].equals(levels.get(l)) ? 1 : 0;
                }
                colValues.add(v);
            }
        }
        double[][] x = new double[n][cols.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols.size(); j++) {
                x[i][j] = colValues.get(j)[i];
            }
        }
        int[] st = null;
        List<String> strataLevels = null;
        if (strataCells != null) {
            strataLevels = StatsInput.sortLevels(new ArrayList<>(new LinkedHashSet<>(java.util.Arrays.asList(strataCells))));
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < strataLevels.size(); i++) {
                index.put(strataLevels.get(i), i);
            }
            st = new int[n];
            for (int i = 0; i < n; i++) {
                st[i] = index.get(strataCells[i]);
            }
        }
        return new CoxData(time, event, st, strataLevels, strataName, x, cols, terms);
    }

    private static double[] concatRow(double t, double[] row) {
        double[] out = new double[row.length + 1];
        out[0] = t;
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
