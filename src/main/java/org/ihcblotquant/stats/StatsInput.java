package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.InputException;

/**
 * Reads the columns an analysis needs from {@link ColumnData}: numbers (missing cells skipped
 * and counted, never read as 0; anything else that is not a number is an error naming the
 * cell), groups in R's factor order (numeric when all levels are numbers, else alphabetical)
 * or as the user lists them, survival times and event codes, and score cut-offs.
 */
public final class StatsInput {

    /** Cells that mean "no value" in lab spreadsheets and in R / pandas exports. */
    private static final List<String> MISSING = java.util.Arrays.asList("", "na", "nan", "n/a", "null", "none", "-",
            "#n/a");

    private StatsInput() {
    }

    public static boolean isMissing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** A number from a cell; NaN when missing; InputException naming the cell when not numeric. */
    public static double number(ColumnData d, int row, int[] col, String name) {
        String s = d.get(row, col);
        if (isMissing(s)) {
            return Double.NaN;
        }
        boolean comma = d.decimalComma(col);
        try {
            if (comma && s.indexOf('.') >= 0) {
                // with decimal commas a point is a thousands mark or a typo: refuse, do not guess
                throw new NumberFormatException();
            }
            double v = Double.parseDouble(comma ? s.trim().replace(',', '.') : s);
            if (Double.isInfinite(v) || Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(d.where(row, col, name) + ": '" + s + "' is not a number"
                    + (comma ? " (numbers are read with a decimal comma)"
                            : s.matches("\\s*[-+]?\\d*,\\d+\\s*") ? " (a decimal comma? set the decimal mark to comma)" : ""));
        }
    }

    /** Values of {@code valueColumn} split by {@code groupColumn}; {@code levels} may be null for all. */
    public static GroupedValues grouped(ColumnData d, String valueColumn, String groupColumn, List<String> levels,
            Warnings w) {
        int[] vc = d.column(valueColumn);
        int[] gc = d.column(groupColumn);
        Map<String, List<Double>> byLevel = new LinkedHashMap<>();
        List<Integer> missingValue = new ArrayList<>();
        List<Integer> missingGroup = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            String g = d.get(r, gc);
            if (isMissing(g)) {
                missingGroup.add(r);
                continue;
            }
            double v = number(d, r, vc, valueColumn);
            if (Double.isNaN(v)) {
                missingValue.add(r);
                continue;
            }
            byLevel.computeIfAbsent(g, k -> new ArrayList<>()).add(v);
        }
        report(w, d, missingValue, vc, valueColumn, "missing value");
        report(w, d, missingGroup, gc, groupColumn, "missing group");
        List<String> order = chooseLevels(byLevel.keySet(), levels, groupColumn, d.source());
        List<double[]> values = new ArrayList<>();
        for (String l : order) {
            List<Double> v = byLevel.containsKey(l) ? byLevel.get(l) : Collections.<Double>emptyList();
            values.add(toArray(v));
        }
        return new GroupedValues(order, values);
    }

    /**
     * Matched pairs for the paired t-test: for each id in {@code pairColumn}, the value in level x
     * and the value in level y. Ids present in only one level are reported and left out.
     */
    public static double[][] pairs(ColumnData d, String valueColumn, String groupColumn, String pairColumn,
            String levelX, String levelY, Warnings w) {
        int[] vc = d.column(valueColumn);
        int[] gc = d.column(groupColumn);
        int[] pc = d.column(pairColumn);
        Map<String, Double> xs = new LinkedHashMap<>();
        Map<String, Double> ys = new LinkedHashMap<>();
        int missing = 0;
        for (int r = 0; r < d.size(); r++) {
            String g = d.get(r, gc);
            String id = d.get(r, pc);
            Map<String, Double> target = g.equals(levelX) ? xs : g.equals(levelY) ? ys : null;
            if (target == null) {
                continue;
            }
            if (isMissing(id)) {
                throw new InputException(d.where(r, pc, pairColumn) + ": missing pair id");
            }
            double v = number(d, r, vc, valueColumn);
            if (Double.isNaN(v)) {
                missing++;
                continue;
            }
            if (target.put(id, v) != null) {
                throw new InputException(d.where(r, pc, pairColumn) + ": pair id '" + id
                        + "' occurs twice in group '" + g + "'");
            }
        }
        List<String> unmatched = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Double> e : xs.entrySet()) {
            Double y = ys.get(e.getKey());
            if (y == null) {
                unmatched.add(e.getKey());
            } else {
                pairs.add(new double[] {e.getValue(), y});
            }
        }
        for (String id : ys.keySet()) {
            if (!xs.containsKey(id)) {
                unmatched.add(id);
            }
        }
        if (missing > 0) {
            w.add(missing + " row(s) with a missing '" + valueColumn + "' skipped");
        }
        if (!unmatched.isEmpty()) {
            w.add(unmatched.size() + " pair id(s) without a partner left out: " + String.join(", ", unmatched));
        }
        double[][] out = new double[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            out[0][i] = pairs.get(i)[0];
            out[1][i] = pairs.get(i)[1];
        }
        return out;
    }

    /**
     * Paired values from two columns of the same rows (wide layout: one row per subject, e.g.
     * {@code before} and {@code after}); rows missing either value are skipped and counted.
     */
    public static double[][] pairsOfColumns(ColumnData d, String columnX, String columnY, Warnings w) {
        int[] xc = d.column(columnX);
        int[] yc = d.column(columnY);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            double x = number(d, r, xc, columnX);
            double y = number(d, r, yc, columnY);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                missing.add(r);
            } else {
                xs.add(x);
                ys.add(y);
            }
        }
        report(w, d, missing, xc, columnX + "' or '" + columnY, "missing value");
        return new double[][] {toArray(xs), toArray(ys)};
    }

    /** How subjects are put into groups for survival: by a column, by a score cut-off, or not at all. */
    public static final class Grouping {
        final String groupColumn;
        final String scoreColumn;
        final CutPoint cut;

        private Grouping(String groupColumn, String scoreColumn, CutPoint cut) {
            this.groupColumn = groupColumn;
            this.scoreColumn = scoreColumn;
            this.cut = cut;
        }

        public static Grouping byColumn(String column) {
            return new Grouping(column, null, null);
        }

        /** {@code score < cut} is "low", {@code score >= cut} is "high". */
        public static Grouping byCut(String scoreColumn, double cut) {
            return new Grouping(null, scoreColumn, CutPoint.at(cut));
        }

        /** Groups by a score cut by value, median, tertiles or the data-chosen optimal cut. */
        public static Grouping byCut(String scoreColumn, CutPoint cut) {
            return new Grouping(null, scoreColumn, cut);
        }

        public static Grouping none() {
            return new Grouping(null, null, null);
        }

        public boolean isCut() {
            return scoreColumn != null;
        }

        public String describe() {
            if (scoreColumn != null) {
                return cut.mode == CutPoint.Mode.VALUE
                        ? scoreColumn + " < " + Report.num(cut.value) + " = low, >= " + Report.num(cut.value) + " = high"
                        : scoreColumn + " cut at the " + cut.mode.name().toLowerCase(Locale.ROOT)
                                + (cut.isDataChosen() ? " (data-chosen)" : "");
            }
            return groupColumn == null ? "all subjects" : groupColumn;
        }
    }

    public static final String LOW = "low";
    public static final String HIGH = "high";

    /** Survival data; subjects with a missing time, event or group are skipped and counted. */
    public static SurvivalData survival(ColumnData d, String timeColumn, String eventColumn, Grouping grouping,
            EventCodes codes, List<String> levels, Warnings w) {
        return survival(d, timeColumn, eventColumn, grouping, codes, levels, null, w);
    }

    /**
     * Survival data with the stratum of each subject from {@code strataColumn} (null: none);
     * subjects with a missing stratum are skipped and counted like a missing group.
     */
    public static SurvivalData survival(ColumnData d, String timeColumn, String eventColumn, Grouping grouping,
            EventCodes codes, List<String> levels, String strataColumn, Warnings w) {
        int[] sc = strataColumn == null ? null : d.column(strataColumn);
        List<String> strataCells = new ArrayList<>();
        List<Integer> dataRows = new ArrayList<>();
        int[] tc = d.column(timeColumn);
        int[] ec = d.column(eventColumn);
        int[] gc = grouping.groupColumn != null ? d.column(grouping.groupColumn)
                : grouping.scoreColumn != null ? d.column(grouping.scoreColumn) : null;
        String groupName = grouping.groupColumn != null ? grouping.groupColumn : grouping.scoreColumn;
        List<Double> times = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Integer> missTime = new ArrayList<>();
        List<Integer> missEvent = new ArrayList<>();
        List<Integer> missGroup = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            double t = number(d, r, tc, timeColumn);
            if (t < 0) {
                throw new InputException(d.where(r, tc, timeColumn) + ": negative time " + d.get(r, tc));
            }
            String ev = d.get(r, ec);
            Boolean e = null;
            if (!isMissing(ev)) {
                e = codes.decode(ev);
                if (e == null) {
                    throw org.ihcblotquant.job.FieldException.notFitting("event-codes", d.where(r, ec, eventColumn)
                            + ": event code '" + ev + "' is not one of " + codes.describe()
                            + " (give the event codes as EVENT:CENSORED, e.g. dead:alive)");
                }
            }
            String g = "all";
            boolean groupMissing = false;
            if (grouping.groupColumn != null) {
                g = d.get(r, gc);
                groupMissing = isMissing(g);
            } else if (grouping.scoreColumn != null) {
                double s = number(d, r, gc, groupName);
                groupMissing = Double.isNaN(s);
                g = String.valueOf(s);
                if (!groupMissing && !Double.isNaN(t) && e != null) {
                    scores.add(s);
                }
            }
            String stratum = sc == null ? "" : d.get(r, sc).trim();
            if (sc != null && isMissing(stratum)) {
                groupMissing = true;
            }
            if (Double.isNaN(t)) {
                missTime.add(r);
            } else if (e == null) {
                missEvent.add(r);
            } else if (groupMissing) {
                missGroup.add(r);
            } else {
                times.add(t);
                events.add(e);
                groups.add(g);
                strataCells.add(stratum);
                dataRows.add(r);
            }
        }
        report(w, d, missTime, tc, timeColumn, "missing time");
        report(w, d, missEvent, ec, eventColumn, "missing event");
        if (gc != null || sc != null) {
            report(w, d, missGroup, gc != null ? gc : sc, gc != null ? groupName : strataColumn,
                    grouping.isCut() ? "missing score" : "missing group" + (sc != null ? " or stratum" : ""));
        }
        if (times.isEmpty()) {
            throw new InputException(d.source() + ": no subject with a time, an event code"
                    + (gc != null ? " and a group" : "") + " to analyse");
        }
        CutPoint.Assignment cut = null;
        if (grouping.isCut()) {
            // the cut may depend on all scores (median, tertiles) and on the outcome (optimal)
            boolean[] ev = new boolean[events.size()];
            for (int i = 0; i < ev.length; i++) {
                ev[i] = events.get(i);
            }
            cut = grouping.cut.assign(groupName, toArray(scores), toArray(times), ev);
            for (int i = 0; i < groups.size(); i++) {
                groups.set(i, cut.levels.get(cut.group[i]));
            }
        }
        List<String> present = new ArrayList<>(new java.util.LinkedHashSet<>(groups));
        List<String> order;
        if (grouping.isCut() && levels == null) {
            order = new ArrayList<>(cut.levels);
            refuseEmptyCutGroup(d, groupName, cut, present, scores);
        } else {
            order = chooseLevels(present, levels, groupName == null ? "group" : groupName, d.source());
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (order.contains(groups.get(i))) {
                keep.add(i);
            }
        }
        double[] tt = new double[keep.size()];
        boolean[] ee = new boolean[keep.size()];
        int[] gg = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            tt[k] = times.get(i);
            ee[k] = events.get(i);
            gg[k] = order.indexOf(groups.get(i));
        }
        int[] rowsKept = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            rowsKept[k] = dataRows.get(keep.get(k));
        }
        SurvivalData out = new SurvivalData(tt, ee, gg, order).withCut(cut).withRows(rowsKept);
        if (sc != null) {
            List<String> strataLevels = sortLevels(new ArrayList<>(new java.util.LinkedHashSet<>(strataCells)));
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < strataLevels.size(); i++) {
                index.put(strataLevels.get(i), i);
            }
            int[] st = new int[keep.size()];
            for (int k = 0; k < keep.size(); k++) {
                st[k] = index.get(strataCells.get(keep.get(k)));
            }
            out.withStrata(strataColumn, st, strataLevels);
        }
        return out;
    }

    /**
     * A cut-off outside the scores puts every subject in one group: that is no comparison, and a
     * one-curve "result" with exit 0 would be read as one. Refused with the scores' range.
     */
    private static void refuseEmptyCutGroup(ColumnData d, String score, CutPoint.Assignment cut, List<String> present,
            List<Double> scores) {
        for (String level : cut.levels) {
            if (present.contains(level)) {
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : scores) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            StringBuilder at = new StringBuilder();
            for (double t : cut.thresholds) {
                at.append(at.length() == 0 ? "" : ", ").append(Report.num(t));
            }
            throw new InputException(d.source() + ": cut-off " + at + " on '" + score + "' leaves group '" + level
                    + "' empty (scores range " + Report.num(lo) + " to " + Report.num(hi)
                    + "); choose a cut-off inside that range");
        }
    }

    private static void report(Warnings w, ColumnData d, List<Integer> rows, int[] col, String name, String what) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> where = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < 10; i++) {
            where.add(String.valueOf(rows.get(i) + 1));
        }
        if (rows.size() > 10) {
            where.add("...");
        }
        w.add(rows.size() + " row(s) skipped for a " + what + " in column '" + name + "' (data rows "
                + String.join(", ", where) + ")");
    }

    /** The analysis order of the levels: the user's list (checked), or R's sorted factor order. */
    static List<String> chooseLevels(Iterable<String> present, List<String> requested, String column, String source) {
        List<String> have = new ArrayList<>();
        for (String s : present) {
            have.add(s);
        }
        if (requested != null && !requested.isEmpty()) {
            for (String l : requested) {
                if (!have.contains(l)) {
                    throw new InputException(source + ": level '" + l + "' not found in column '" + column
                            + "' (levels: " + String.join(", ", sortLevels(have)) + ")");
                }
            }
            return new ArrayList<>(requested);
        }
        return sortLevels(have);
    }

    /** Numeric order when every level is a number, otherwise case-insensitive alphabetical. */
    public static List<String> sortLevels(List<String> levels) {
        List<String> out = new ArrayList<>(levels);
        boolean numeric = true;
        for (String s : out) {
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (numeric) {
            out.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            out.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        }
        return out;
    }

    static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
