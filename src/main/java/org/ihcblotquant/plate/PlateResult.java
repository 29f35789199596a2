package org.ihcblotquant.plate;

import java.util.Collections;
import java.util.List;

import org.ihcblotquant.stats.AnovaResult;
import org.ihcblotquant.stats.TTestResult;
import org.ihcblotquant.stats.TukeyHsd;

/**
 * The analysis of one plate: every used well, the per-condition summaries (blank first, then the
 * control, then the treatments in dose order), and the tests on the normalised values of the
 * non-blank conditions. A test that does not apply (e.g. Welch's with more than two conditions)
 * is null.
 */
public final class PlateResult {
    public final int plate;
    public final PlateFormat format;
    public final Normalisation normalisation;
    public final double blankMean;
    /** Blank-subtracted mean of the control wells: the denominator of the normalisation. */
    public final double controlMean;
    /** False when the readings are not absorbance (above {@link PlateSettings#ABSORBANCE_CEILING}). */
    public final boolean maxOdChecked;
    public final List<WellResult> wells;
    public final List<ConditionSummary> conditions;
    public final AnovaResult anova;
    public final TukeyHsd tukey;
    public final Dunnett dunnett;
    /** Welch's t-test of the one treatment against the control (exactly two conditions), else null. */
    public final TTestResult welch;
    public final List<String> warnings;

    PlateResult(int plate, PlateFormat format, Normalisation normalisation, double blankMean, double controlMean,
            boolean maxOdChecked, List<WellResult> wells, List<ConditionSummary> conditions, AnovaResult anova,
            TukeyHsd tukey, Dunnett dunnett, TTestResult welch, List<String> warnings) {
        this.plate = plate;
        this.format = format;
        this.normalisation = normalisation;
        this.blankMean = blankMean;
        this.controlMean = controlMean;
        this.maxOdChecked = maxOdChecked;
        this.wells = Collections.unmodifiableList(wells);
        this.conditions = Collections.unmodifiableList(conditions);
        this.anova = anova;
        this.tukey = tukey;
        this.dunnett = dunnett;
        this.welch = welch;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /** The summary of a condition, or null. */
    public ConditionSummary condition(String name) {
        for (ConditionSummary c : conditions) {
            if (c.condition.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The Dunnett row of a treatment, or null. */
    public Dunnett.Row dunnettRow(String condition) {
        if (dunnett == null) {
            return null;
        }
        for (Dunnett.Row r : dunnett.rows) {
            if (r.condition.equals(condition)) {
                return r;
            }
        }
        return null;
    }
}
