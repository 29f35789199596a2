package org.ihcblotquant.ihc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainMatrix;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/**
 * Everything that decides an IHC score: stain vectors and third-vector rule, background rule,
 * tissue threshold, intensity thresholds, marker name and how slide ids come from file names.
 * Immutable; built with the {@code with...} methods. Invalid values are {@link InputException}s
 * naming the option.
 */
public final class IhcSettings {
    /** QuPath's default cell thresholds (1+, 2+, 3+), compared with {@code >=}. */
    public static final double[] DEFAULT_THRESHOLDS = {0.2, 0.4, 0.6};

    private final StainVectors vectors;
    private final ThirdStainRule thirdRule;
    private final StainMatrix matrix;
    private final BackgroundRule background;
    private final double[] thresholds;
    private final double tissueOd;
    private final String marker;
    private final Pattern slidePattern;
    private final TissueMaskSettings tissueMask;

    private IhcSettings(StainVectors vectors, ThirdStainRule thirdRule, BackgroundRule background,
            double[] thresholds, double tissueOd, String marker, Pattern slidePattern, TissueMaskSettings tissueMask) {
        this.vectors = vectors;
        this.thirdRule = thirdRule;
        this.matrix = StainMatrix.of(vectors, thirdRule);
        this.background = background;
        this.thresholds = thresholds.clone();
        this.tissueOd = tissueOd;
        this.marker = marker;
        this.slidePattern = slidePattern;
        this.tissueMask = tissueMask;
    }

    /** H DAB, cross product, auto background, 0.2/0.4/0.6, automatic tissue threshold. */
    public static IhcSettings defaults() {
        return new IhcSettings(StainVectors.builtIn("h-dab"), ThirdStainRule.CROSS_PRODUCT, BackgroundRule.auto(),
                DEFAULT_THRESHOLDS, Double.NaN, "", null, TissueMaskSettings.NONE);
    }

    public IhcSettings withVectors(StainVectors v) {
        return new IhcSettings(v, thirdRule, background, thresholds, tissueOd, marker, slidePattern, tissueMask);
    }

    public IhcSettings withThirdRule(ThirdStainRule r) {
        return new IhcSettings(vectors, r, background, thresholds, tissueOd, marker, slidePattern, tissueMask);
    }

    public IhcSettings withBackground(BackgroundRule b) {
        return new IhcSettings(vectors, thirdRule, b, thresholds, tissueOd, marker, slidePattern, tissueMask);
    }

    /** Weak, moderate, strong lower bounds in chromogen OD; strictly increasing. */
    public IhcSettings withThresholds(double[] t) {
        if (t.length != 3) {
            throw new FieldException("thresholds", "need three values weak,moderate,strong, got " + t.length);
        }
        for (double v : t) {
            if (!(v > 0) || Double.isInfinite(v)) {
                // OD 0 or below would count glass and blue counterstain as positive
                throw new FieldException("thresholds", String.format(Locale.ROOT,
                        "%s,%s,%s: each must be a positive optical density", t[0], t[1], t[2]));
            }
        }
        if (!(t[0] < t[1] && t[1] < t[2])) {
            throw new FieldException("thresholds", String.format(Locale.ROOT,
                    "%s,%s,%s must increase (weak < moderate < strong)", t[0], t[1], t[2]));
        }
        return new IhcSettings(vectors, thirdRule, background, t, tissueOd, marker, slidePattern, tissueMask);
    }

    /** Fixed tissue threshold on total OD; NaN for automatic. */
    public IhcSettings withTissueOd(double od) {
        if (!Double.isNaN(od) && !(od >= 0 && od < 7.3)) {
            throw new FieldException("tissue-od", od + " is outside 0..7.2 (total optical density)");
        }
        return new IhcSettings(vectors, thirdRule, background, thresholds, od, marker, slidePattern, tissueMask);
    }

    public IhcSettings withMarker(String m) {
        return new IhcSettings(vectors, thirdRule, background, thresholds, tissueOd, m == null ? "" : m.trim(),
                slidePattern, tissueMask);
    }

    /** Regex applied to the file name; its first group is the slide id. Null for the default. */
    public IhcSettings withSlidePattern(String regex) {
        if (regex == null || regex.isEmpty()) {
            return new IhcSettings(vectors, thirdRule, background, thresholds, tissueOd, marker, null, tissueMask);
        }
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new FieldException("slide-pattern", "invalid regular expression '" + regex + "': "
                    + e.getDescription());
        }
        if (p.matcher("").groupCount() < 1) {
            throw new FieldException("slide-pattern", "'" + regex
                    + "' has no group; put the slide id in parentheses, e.g. '^(\\w+)_field'");
        }
        return new IhcSettings(vectors, thirdRule, background, thresholds, tissueOd, marker, p, tissueMask);
    }

    /** How the tissue mask is cleaned (smoothing, specks, holes); {@link TissueMaskSettings#NONE} by default. */
    public IhcSettings withTissueMask(TissueMaskSettings m) {
        return new IhcSettings(vectors, thirdRule, background, thresholds, tissueOd, marker, slidePattern, m);
    }

    public TissueMaskSettings tissueMask() {
        return tissueMask;
    }

    public StainVectors vectors() {
        return vectors;
    }

    public StainMatrix matrix() {
        return matrix;
    }

    public BackgroundRule background() {
        return background;
    }

    public double weak() {
        return thresholds[0];
    }

    public double moderate() {
        return thresholds[1];
    }

    public double strong() {
        return thresholds[2];
    }

    public double tissueOd() {
        return tissueOd;
    }

    public boolean autoTissue() {
        return Double.isNaN(tissueOd);
    }

    /** The marker column value: as given, or the chromogen's name (e.g. DAB). */
    public String marker() {
        return marker.isEmpty() ? vectors.stains().get(vectors.chromogenIndex()).name() : marker;
    }

    /** Name of the stain scored as positive (DAB, or the second stain of a set without DAB). */
    public String chromogenName() {
        return vectors.stains().get(vectors.chromogenIndex()).name();
    }

    public String counterstainName() {
        return vectors.stains().get(vectors.counterstainIndex()).name();
    }

    /**
     * Slide id of a file name: first group of the slide pattern, or the name without extension
     * (also when the pattern does not match; {@code matched[0]} tells which).
     */
    public String slideOf(String fileName, boolean[] matched) {
        if (slidePattern != null) {
            Matcher m = slidePattern.matcher(fileName);
            if (m.find() && m.group(1) != null) {
                if (matched != null) {
                    matched[0] = true;
                }
                return m.group(1);
            }
            if (matched != null) {
                matched[0] = false;
            }
        } else if (matched != null) {
            matched[0] = true;
        }
        return ImageFiles.baseName(fileName);
    }

    /** Settings as provenance entries. */
    public void describe(Provenance p) {
        p.put("stain_set", vectors.label());
        p.put("stain_vectors", matrix.describe());
        p.put("third_vector_rule", thirdRule.key());
        p.put("scored_stain", chromogenName());
        p.put("counterstain", counterstainName());
        p.put("background", background.toString());
        p.put("od_formula", "OD_c = max(0, log10(I0_c / max(v,1))); stains = OD x inverse(stain matrix)");
        p.put("tissue_threshold", autoTissue()
                ? "auto (total OD >= glass median + max(0.06, 2 x (glass q99.5 - median)); 0.06 without glass)"
                : String.valueOf(tissueOd));
        p.put("tissue_mask", tissueMask.toString());
        p.put("thresholds", String.format(Locale.ROOT, "weak >= %s, moderate >= %s, strong >= %s (%s OD)",
                thresholds[0], thresholds[1], thresholds[2], chromogenName()));
        p.put("h_score", "1 x weak% + 2 x moderate% + 3 x strong% of tissue pixels");
        p.put("slide_pattern", slidePattern == null ? "(file name without extension)" : slidePattern.pattern());
        p.put("marker", marker());
    }
}
