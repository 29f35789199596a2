package org.ihcblotquant.stain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * The 3x3 stain matrix (rows = unit OD vectors of the stains) and its inverse. A pixel's OD
 * vector {@code od} (row) decomposes as {@code amounts = od * inverse}: amount of stain k is
 * {@code sum_c od[c] * inverse[c][k]} (Ruifrok &amp; Johnston 2001).
 */
public final class StainMatrix {
    private final List<Stain> stains;
    private final double[][] inverse;
    private final ThirdStainRule thirdRule;
    private final boolean thirdDerived;

    private StainMatrix(List<Stain> stains, double[][] inverse, ThirdStainRule rule, boolean derived) {
        this.stains = stains;
        this.inverse = inverse;
        this.thirdRule = rule;
        this.thirdDerived = derived;
    }

    /** Builds the matrix, deriving a missing third vector; collinear vectors are an error. */
    public static StainMatrix of(StainVectors vectors, ThirdStainRule rule) {
        List<Stain> s = new ArrayList<>(vectors.stains());
        boolean derived = false;
        if (s.size() == 2) {
            double[] a = s.get(0).vector();
            double[] b = s.get(1).vector();
            double[] cross = cross(a, b);
            if (norm(cross) < 1e-3) {
                throw new FieldException("vectors", "stains " + s.get(0).name() + " and " + s.get(1).name()
                        + " are collinear (the same colour); they cannot be separated");
            }
            double[] third;
            if (rule == ThirdStainRule.CROSS_PRODUCT) {
                third = cross;
            } else {
                third = new double[3];
                for (int c = 0; c < 3; c++) {
                    double r = 1 - a[c] * a[c] - b[c] * b[c];
                    third[c] = r > 0 ? Math.sqrt(r) : 0;
                }
                if (norm(third) < 1e-6) {
                    third = cross;
                }
            }
            s.add(new Stain("Residual", third));
            derived = true;
        }
        double[][] m = new double[3][3];
        for (int k = 0; k < 3; k++) {
            m[k] = s.get(k).vector();
        }
        double det = det(m);
        if (Math.abs(det) < 1e-4) {
            throw new FieldException("vectors", "the three stain vectors are linearly dependent "
                    + String.format(Locale.ROOT, "(determinant %.2g)", det) + "; they cannot be separated");
        }
        return new StainMatrix(s, invert(m, det), rule, derived);
    }

    /** Stains in matrix order (the third may be the derived "Residual"). */
    public List<Stain> stains() {
        return stains;
    }

    /** Coefficient of channel c's OD in the amount of stain k. */
    public double coefficient(int channel, int stain) {
        return inverse[channel][stain];
    }

    public ThirdStainRule thirdRule() {
        return thirdRule;
    }

    public boolean isThirdDerived() {
        return thirdDerived;
    }

    /** Stain amounts of one OD vector. */
    public double[] unmix(double odR, double odG, double odB) {
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            out[k] = odR * inverse[0][k] + odG * inverse[1][k] + odB * inverse[2][k];
        }
        return out;
    }

    /** For provenance: the vectors and how the third one was obtained. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < stains.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(stains.get(i));
        }
        if (thirdDerived) {
            sb.append("; third vector by ").append(thirdRule == ThirdStainRule.CROSS_PRODUCT ? "cross product"
                    : "complement rule");
        }
        return sb.toString();
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] invert(double[][] m, double det) {
        double[][] r = new double[3][3];
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return r;
    }
}
