package org.ihcblotquant.plate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.stats.AnovaResult;
import org.ihcblotquant.stats.Descriptives;
import org.ihcblotquant.stats.GroupedValues;
import org.ihcblotquant.stats.OneWayAnova;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.TTestResult;
import org.ihcblotquant.stats.TTests;
import org.ihcblotquant.stats.TukeyHsd;

/**
 * Analyses one plate: blank subtraction (mean of the blank wells), normalisation to the control,
 * per-condition summaries, the checks a user needs (overflow, readings above the linear range,
 * outliers, CV) and the tests: one-way ANOVA, Dunnett against the control, Tukey HSD, and with
 * exactly two conditions Welch's t-test, all on the normalised values of the non-blank conditions.
 */
public final class PlateAnalyzer {

    private PlateAnalyzer() {
    }

    /**
     * Analyses the plates of a reads file with their layout(s): one layout grid for every plate or
     * one per plate; {@code plate} = 0 for every plate, else the 1-based plate to analyse.
     */
    public static List<PlateResult> analyseAll(List<PlateGrid> reads, List<PlateGrid> layouts, PlateSettings settings,
            int plate) {
        if (reads.isEmpty() || layouts.isEmpty()) {
            throw new IllegalArgumentException("no plate");
        }
        if (layouts.size() != 1 && layouts.size() != reads.size()) {
            throw new InputException("layout " + layouts.get(0).source() + " holds " + layouts.size()
                    + " plates but the readings " + reads.get(0).source() + " hold " + reads.size()
                    + "; give one layout for all plates or one per plate");
        }
        if (plate > reads.size()) {
            throw FieldException.notFitting("plate", plate + " is beyond the " + reads.size() + " plate(s) of "
                    + reads.get(0).source());
        }
        boolean several = reads.size() > 1;
        List<PlateResult> out = new ArrayList<>();
        for (PlateGrid g : reads) {
            if (plate != 0 && g.number() != plate) {
                continue;
            }
            PlateGrid lg = layouts.size() == 1 ? layouts.get(0) : layouts.get(g.number() - 1);
            out.add(analyse(PlateReads.of(g, several), PlateLayout.of(lg), settings, several));
        }
        return out;
    }

    /**
     * @param reads        the plate's readings
     * @param layout       its layout (a long layout may be smaller than the plate: wells match by name)
     * @param settings     blank, control, normalisation, exclusions, checks
     * @param severalPlates whether messages must name the plate
     */
    public static PlateResult analyse(PlateReads reads, PlateLayout layout, PlateSettings settings,
            boolean severalPlates) {
        PlateFormat format = reads.format();
        int plate = reads.grid().number();
        String where = reads.grid().source() + (severalPlates ? " plate " + plate : "");
        checkFormats(reads, layout);
        requireCondition(layout, settings.blank, "blank");
        requireCondition(layout, settings.control, "control");
        List<String> warnings = new ArrayList<>();

        // the readings of each condition's wells, in layout order
        boolean absorbance = true;
        for (int i = 0; i < format.wells(); i++) {
            absorbance &= !(reads.value(i) > PlateSettings.ABSORBANCE_CEILING);
        }
        boolean checkOd = absorbance && !Double.isNaN(settings.maxOd);
        Map<String, List<Integer>> wellsOf = new LinkedHashMap<>();
        Map<Integer, List<String>> flags = new LinkedHashMap<>();
        Map<Integer, ConditionLabel> labelOf = new LinkedHashMap<>();
        for (int i = 0; i < format.wells(); i++) {
            ConditionLabel c = conditionOf(layout, format, i);
            if (c == null) {
                continue;
            }
            String well = format.wellName(i);
            List<String> f = new ArrayList<>();
            labelOf.put(i, c);
            flags.put(i, f);
            if (!wellsOf.containsKey(c.label)) {
                wellsOf.put(c.label, new ArrayList<Integer>());
            }
            if (reads.kind(i) == PlateReads.Kind.OVERFLOW) {
                f.add(WellResult.OVERFLOW);
                warnings.add(where + " well " + well + " (" + c.label + "): '" + reads.text(i)
                        + "' is an overflow reading; the well is flagged and left out");
            } else if (reads.kind(i) == PlateReads.Kind.EMPTY) {
                f.add(WellResult.NO_READING);
                warnings.add(where + " well " + well + " (" + c.label + "): no reading; the well is left out");
            }
            if (settings.excluded(plate, well)) {
                f.add(WellResult.EXCLUDED);
            }
            if (checkOd && reads.value(i) > settings.maxOd) {
                f.add(WellResult.ABOVE_MAX_OD);
                warnings.add(where + " well " + well + " (" + c.label + "): OD " + Report.num(reads.value(i))
                        + " is above the reader's linear range (max OD " + Report.num(settings.maxOd) + ")");
            }
            if (f.isEmpty() || f.equals(Collections.singletonList(WellResult.ABOVE_MAX_OD))) {
                wellsOf.get(c.label).add(i);
            }
        }

        double blankMean = rawMean(reads, wellsOf.get(settings.blank));
        double controlRaw = rawMean(reads, wellsOf.get(settings.control));
        if (Double.isNaN(blankMean)) {
            throw new InputException(where + ": no usable blank well ('" + settings.blank + "')");
        }
        if (Double.isNaN(controlRaw)) {
            throw new InputException(where + ": no usable control well ('" + settings.control + "')");
        }
        if (blankMean >= controlRaw) {
            throw new InputException(where + ": the blank wells ('" + settings.blank + "', mean "
                    + Report.num(blankMean) + ") read at least as high as the control ('" + settings.control
                    + "', mean " + Report.num(controlRaw) + "); the blank must be below the control."
                    + " Check the layout (are blank and control swapped?) and the read-out");
        }
        double controlMean = controlRaw - blankMean;

        // outliers within each condition (on the raw readings; blank subtraction and normalisation are linear)
        Map<Integer, Double> robustZ = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : wellsOf.entrySet()) {
            List<Integer> ws = e.getValue();
            double[] x = raws(reads, ws);
            double[] z = Outliers.robustZ(x);
            int g = Outliers.grubbs(x);
            for (int k = 0; k < ws.size(); k++) {
                robustZ.put(ws.get(k), z[k]);
                String well = format.wellName(ws.get(k));
                if (k == g) {
                    flags.get(ws.get(k)).add(WellResult.OUTLIER_GRUBBS);
                    warnings.add(where + " well " + well + " (" + e.getKey() + "): outlier by Grubbs' test (alpha "
                            + Outliers.GRUBBS_ALPHA + "); flagged, kept (leave it out with exclude)");
                }
                if (ws.size() >= Outliers.ROBUST_MIN_N && Math.abs(z[k]) > Outliers.ROBUST_Z_LIMIT) {
                    flags.get(ws.get(k)).add(WellResult.OUTLIER_ROBUST_Z);
                    warnings.add(where + " well " + well + " (" + e.getKey() + "): outlier, robust z = "
                            + Report.num(z[k]) + "; flagged, kept (leave it out with exclude)");
                }
            }
        }

        List<WellResult> wells = new ArrayList<>();
        for (Map.Entry<Integer, ConditionLabel> e : labelOf.entrySet()) {
            int i = e.getKey();
            ConditionLabel c = e.getValue();
            boolean used = wellsOf.get(c.label).contains(i);
            double raw = reads.value(i);
            double sub = raw - blankMean;
            double norm = settings.normalisation.apply(sub, controlMean);
            Double z = robustZ.get(i);
            wells.add(new WellResult(plate, format.wellName(i), c.label, c.dose, reads.text(i), raw, sub, norm,
                    z == null ? Double.NaN : z, used, flags.get(i)));
        }

        List<ConditionSummary> conditions = new ArrayList<>();
        for (String name : order(layout, settings)) {
            List<Integer> ws = wellsOf.get(name);
            double[] raw = raws(reads, ws);
            double[] norm = new double[raw.length];
            for (int k = 0; k < raw.length; k++) {
                norm[k] = settings.normalisation.apply(raw[k] - blankMean, controlMean);
            }
            ConditionSummary.Role role = name.equals(settings.blank) ? ConditionSummary.Role.BLANK
                    : name.equals(settings.control) ? ConditionSummary.Role.CONTROL : ConditionSummary.Role.TREATMENT;
            Descriptives d = Descriptives.of(name, raw);
            ConditionSummary s = new ConditionSummary(plate, layout.condition(name), role, norm, d.mean, d.sd);
            conditions.add(s);
            if (role != ConditionSummary.Role.BLANK && s.cvPercent > PlateSettings.CV_WARNING_PERCENT) {
                warnings.add(where + " condition '" + name + "': CV of the replicates " + Report.num(s.cvPercent)
                        + " % is above " + Report.num(PlateSettings.CV_WARNING_PERCENT) + " %");
            }
        }
        return test(plate, format, settings, blankMean, controlMean, checkOd, wells, conditions, warnings, where);
    }

    private static PlateResult test(int plate, PlateFormat format, PlateSettings settings, double blankMean,
            double controlMean, boolean checkOd, List<WellResult> wells, List<ConditionSummary> conditions,
            List<String> warnings, String where) {
        List<String> levels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (ConditionSummary c : conditions) {
            if (c.role == ConditionSummary.Role.BLANK) {
                continue;
            }
            if (c.n == 0) {
                warnings.add(where + " condition '" + c.condition + "' has no usable well; left out of the tests");
                continue;
            }
            levels.add(c.condition);
            values.add(c.values());
        }
        AnovaResult anova = null;
        TukeyHsd tukey = null;
        Dunnett dunnett = null;
        TTestResult welch = null;
        if (levels.size() < 2) {
            warnings.add(where + ": only the control has values; no test");
        } else {
            try {
                anova = OneWayAnova.test(new GroupedValues(levels, values));
                tukey = TukeyHsd.compute(anova, settings.confLevel);
                Descriptives control = anova.groups.get(0);
                dunnett = Dunnett.compute(control, anova.groups.subList(1, anova.groups.size()), anova.msWithin,
                        anova.dfWithin, settings.confLevel);
            } catch (InputException e) {
                warnings.add(where + ": " + e.getMessage() + "; no ANOVA, Dunnett or Tukey");
                anova = null;
                tukey = null;
                dunnett = null;
            }
            if (levels.size() == 2) {
                try {
                    welch = TTests.welch(levels.get(1), values.get(1), levels.get(0), values.get(0),
                            settings.confLevel);
                } catch (InputException e) {
                    warnings.add(where + ": " + e.getMessage() + "; no Welch t-test");
                }
            }
        }
        return new PlateResult(plate, format, settings.normalisation, blankMean, controlMean, checkOd, wells,
                conditions, anova, tukey, dunnett, welch, warnings);
    }

    /** Blank first, then the control, then the other conditions by series (first appearance) and dose. */
    static List<String> order(PlateLayout layout, PlateSettings settings) {
        final List<String> names = layout.conditionNames();
        final List<String> series = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String n : names) {
            ConditionLabel c = layout.condition(n);
            if (!series.contains(c.series)) {
                series.add(c.series);
            }
            if (!n.equals(settings.blank) && !n.equals(settings.control)) {
                rest.add(n);
            }
        }
        Collections.sort(rest, new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                ConditionLabel ca = layout.condition(a);
                ConditionLabel cb = layout.condition(b);
                int s = Integer.compare(series.indexOf(ca.series), series.indexOf(cb.series));
                if (s != 0) {
                    return s;
                }
                if (ca.hasDose() != cb.hasDose()) {
                    return ca.hasDose() ? 1 : -1;
                }
                int d = Double.compare(ca.dose, cb.dose);
                return d != 0 ? d : Integer.compare(names.indexOf(a), names.indexOf(b));
            }
        });
        List<String> out = new ArrayList<>();
        out.add(settings.blank);
        out.add(settings.control);
        out.addAll(rest);
        return out;
    }

    private static void checkFormats(PlateReads reads, PlateLayout layout) {
        if (!layout.isLongTable() && layout.format() != reads.format()) {
            throw new InputException("layout " + layout.source() + " is a " + layout.format().label()
                    + " plate but the readings " + reads.grid().source() + " are a " + reads.format().label()
                    + " plate");
        }
        if (layout.isLongTable() && layout.format().wells() > reads.format().wells()) {
            throw new InputException("layout " + layout.source() + " names wells of a " + layout.format().label()
                    + " plate but the readings " + reads.grid().source() + " are a " + reads.format().label()
                    + " plate");
        }
    }

    private static void requireCondition(PlateLayout layout, String name, String field) {
        if (layout.condition(name) == null) {
            throw FieldException.notFitting(field, "'" + name + "' is not a condition of the layout " + layout.source()
                    + " (conditions: " + String.join(", ", layout.conditionNames()) + ")");
        }
    }

    private static ConditionLabel conditionOf(PlateLayout layout, PlateFormat readFormat, int index) {
        int row = index / readFormat.columns;
        int col = index % readFormat.columns;
        PlateFormat lf = layout.format();
        if (row >= lf.rows || col >= lf.columns) {
            return null;
        }
        return layout.condition(lf.index(row, col));
    }

    private static double[] raws(PlateReads reads, List<Integer> wells) {
        double[] x = new double[wells.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = reads.value(wells.get(k));
        }
        return x;
    }

    private static double rawMean(PlateReads reads, List<Integer> wells) {
        return wells == null || wells.isEmpty() ? Double.NaN : Descriptives.mean(raws(reads, wells));
    }
}
