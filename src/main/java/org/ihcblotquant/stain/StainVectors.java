package org.ihcblotquant.stain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.job.FieldException;

/**
 * A named set of two or three stain vectors: a built-in set (values from Colour Deconvolution 2,
 * as listed in the field notes) or user vectors. The third vector, when missing, is derived by
 * {@link StainMatrix} with a {@link ThirdStainRule}.
 */
public final class StainVectors {

    private static final Map<String, StainVectors> BUILT_IN = new LinkedHashMap<>();

    static {
        double[] h = {0.650, 0.704, 0.286};
        double[] dab = {0.268, 0.570, 0.776};
        add("h-dab", "H DAB", "Hematoxylin", h, "DAB", dab);
        add("h-e-dab", "H&E DAB", "Hematoxylin", h, "Eosin", new double[] {0.072, 0.990, 0.105}, "DAB", dab);
        add("h-aec", "H AEC", "Hematoxylin", h, "AEC", new double[] {0.2743, 0.6796, 0.6803});
        add("h-e", "H&E", "Hematoxylin", new double[] {0.644211, 0.716556, 0.266844},
                "Eosin", new double[] {0.092789, 0.954111, 0.283111});
        add("methyl-green-dab", "Methyl Green DAB", "Methyl Green", new double[] {0.98003, 0.144316, 0.133146},
                "DAB", dab);
        add("fastred-fastblue-dab", "FastRed FastBlue DAB",
                "FastRed", new double[] {0.21393921, 0.85112669, 0.47794022},
                "FastBlue", new double[] {0.74890292, 0.60624161, 0.26731082}, "DAB", dab);
        add("h-dab-newfuchsin", "H DAB NewFuchsin", "Hematoxylin", new double[] {0.5625407925, 0.70450559, 0.4308375625},
                "DAB", new double[] {0.26503363, 0.68898016, 0.674584},
                "NewFuchsin", new double[] {0.0777851125, 0.804293475, 0.5886050475});
        add("qupath-h-dab", "QuPath H-DAB defaults", "Hematoxylin", new double[] {0.65111, 0.70119, 0.29049},
                "DAB", new double[] {0.26917, 0.56824, 0.77759});
    }

    private final String key;
    private final String label;
    private final List<Stain> stains;

    private StainVectors(String key, String label, List<Stain> stains) {
        this.key = key;
        this.label = label;
        this.stains = Collections.unmodifiableList(stains);
    }

    private static void add(String key, String label, Object... nameVectorPairs) {
        List<Stain> s = new ArrayList<>();
        for (int i = 0; i < nameVectorPairs.length; i += 2) {
            s.add(new Stain((String) nameVectorPairs[i], (double[]) nameVectorPairs[i + 1]));
        }
        BUILT_IN.put(key, new StainVectors(key, label, s));
    }

    /** Keys of the built-in sets, e.g. {@code h-dab}. */
    public static List<String> builtInKeys() {
        return new ArrayList<>(BUILT_IN.keySet());
    }

    /** Human labels of the built-in sets, in key order (e.g. "H DAB"). */
    public static List<String> builtInLabels() {
        List<String> out = new ArrayList<>();
        for (StainVectors v : BUILT_IN.values()) {
            out.add(v.label);
        }
        return out;
    }

    /**
     * A built-in set by key or label, forgiving case, spaces, '&' and underscores: "H DAB",
     * "h_dab" and "h-dab" all name the same set.
     */
    public static StainVectors builtIn(String name) {
        String k = normalise(name);
        for (StainVectors v : BUILT_IN.values()) {
            if (normalise(v.key).equals(k) || normalise(v.label).equals(k)) {
                return v;
            }
        }
        throw new FieldException("stain", "unknown stain set '" + name + "' (built in: "
                + String.join(", ", BUILT_IN.keySet()) + ")");
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace("&", "-").replaceAll("[\\s_\\-]+", "-");
    }

    /**
     * User vectors: {@code "NAME:r,g,b;NAME:r,g,b[;NAME:r,g,b]"} (names optional; unnamed stains
     * are called stain1, stain2, stain3). Each vector is an OD colour: three non-negative
     * numbers, not all zero; the first two must not be collinear.
     */
    public static StainVectors parse(String spec) {
        String[] parts = spec.split(";");
        if (parts.length < 2 || parts.length > 3) {
            throw new FieldException("vectors", "need 2 or 3 vectors separated by ';', got " + parts.length
                    + " in '" + spec + "'");
        }
        List<Stain> stains = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            String name = "stain" + (i + 1);
            int colon = p.indexOf(':');
            if (colon < 0) {
                colon = p.indexOf('=');
            }
            if (colon >= 0) {
                name = p.substring(0, colon).trim();
                p = p.substring(colon + 1).trim();
            }
            String[] nums = p.split(",");
            if (nums.length != 3) {
                throw new FieldException("vectors", "vector " + (i + 1) + " ('" + parts[i].trim()
                        + "') needs three numbers R,G,B");
            }
            double[] v = new double[3];
            for (int c = 0; c < 3; c++) {
                try {
                    v[c] = Double.parseDouble(nums[c].trim());
                } catch (NumberFormatException e) {
                    throw new FieldException("vectors", "vector " + (i + 1) + ": '" + nums[c].trim()
                            + "' is not a number");
                }
                if (Double.isNaN(v[c]) || Double.isInfinite(v[c])) {
                    throw new FieldException("vectors", "vector " + (i + 1) + " has a non-finite value");
                }
                if (v[c] < 0) {
                    throw new FieldException("vectors", "vector " + (i + 1) + " (" + name
                            + ") has a negative component; optical densities are >= 0");
                }
            }
            if (v[0] * v[0] + v[1] * v[1] + v[2] * v[2] < 1e-12) {
                throw new FieldException("vectors", "vector " + (i + 1) + " (" + name + ") is zero");
            }
            stains.add(new Stain(name, v));
        }
        StainVectors sv = new StainVectors("user", "user vectors", stains);
        // collinearity is checked when the matrix is built; check early to name the option
        StainMatrix.of(sv, ThirdStainRule.CROSS_PRODUCT);
        return sv;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public List<Stain> stains() {
        return stains;
    }

    /**
     * Index of the DAB stain: the stain named DAB (any case); for user vectors without such a
     * name the second stain (as in H DAB). -1 when the set has no DAB (H&E, H AEC).
     */
    public int dabIndex() {
        for (int i = 0; i < stains.size(); i++) {
            if (stains.get(i).name().equalsIgnoreCase("DAB")) {
                return i;
            }
        }
        if (key.equals("user")) {
            return 1;
        }
        return -1;
    }

    /**
     * Index of the stain used as the "chromogen" for scoring: DAB when present, otherwise the
     * second stain (AEC in H AEC, eosin in H&E).
     */
    public int chromogenIndex() {
        int d = dabIndex();
        return d >= 0 ? d : 1;
    }

    /** Index of the counterstain (hematoxylin or the first stain). */
    public int counterstainIndex() {
        return chromogenIndex() == 0 ? 1 : 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(label).append(": ");
        for (int i = 0; i < stains.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(stains.get(i));
        }
        return sb.toString();
    }
}
