package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.junit.jupiter.api.Test;

/**
 * The comparison behind the default background method (docs/blot.md): the Gel-Analyzer-style
 * lane profile ({@code profile}) against the box methods, on the hard synthetic membranes (truth
 * built in) and on the real rasilab crops (the independent lane-profile reference). Prints the
 * table and checks that the default is the more accurate one.
 */
class BackgroundMethodComparisonTest {

    static final String[] METHODS = {"profile", "border", "border:5", "lane", "rolling:60"};

    /** Largest |relative - truth| / truth over lanes and seeds of the hard synthetic set. */
    static double syntheticError(String method, SyntheticBlot.Mode mode) {
        double worst = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticBlot.Blot b = HardSyntheticBlotTest.blot(mode, seed).render();
            BlotSettings s = new BlotSettings();
            s.background = BackgroundMethod.parse("background", method);
            BlotAnalysis a = BlotAnalyzer.analyze("synthetic", b.image, null, s, Arrays.asList("target", "actin"),
                    ProgressListener.NONE);
            Table t = BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {4}, 3, 0.2).table;
            for (int lane = 1; lane <= 8; lane++) {
                double truth = b.relative(0, 1, lane, 4);
                worst = Math.max(worst, Math.abs((Double) t.get(lane - 1, "relative") / truth - 1));
            }
        }
        return worst;
    }

    /** {largest per-band deviation from the reference, r of FLAG/H3 with the reference's}. */
    static double[] cropAgreement(String method) {
        double[][] f = signals("rasilab_10xaag_wt_flag.png", RasilabCropAccuracyTest.FLAG_CROP, "FLAG", method);
        double[][] h = signals("rasilab_10xaag_wt_h3.png", RasilabCropAccuracyTest.H3_CROP, "H3", method);
        double worst = 0;
        double[] ours = new double[6];
        double[] ref = new double[6];
        for (int k = 0; k < 6; k++) {
            worst = Math.max(worst, Math.abs(f[0][k] / f[1][k] - 1));
            worst = Math.max(worst, Math.abs(h[0][k] / h[1][k] - 1));
            ours[k] = f[0][k] / h[0][k];
            ref[k] = f[1][k] / h[1][k];
        }
        return new double[] {worst, RasilabCropAccuracyTest.pearson(ours, ref)};
    }

    static double[][] signals(String image, Rectangle crop, String protein, String method) {
        BlotSettings s = new BlotSettings();
        s.roi = crop;
        s.lanes = 6;
        s.background = BackgroundMethod.parse("background", method);
        BlotAnalysis a = RealBlotImagesTest.analyze(image, s, protein);
        BandRow r = a.row(protein);
        double[][] out = new double[2][6];
        for (int k = 0; k < 6; k++) {
            Rectangle lane = a.lanes().get(k).bounds();
            Rectangle box = r.box(k);
            double[] p = LaneProfileReference.profile(a.image(), lane.x, lane.width, crop.y, crop.height);
            int pk = box.y - crop.y;
            for (int y = box.y - crop.y; y < box.y + box.height - crop.y; y++) {
                if (p[y] > p[pk]) {
                    pk = y;
                }
            }
            out[0][k] = r.measurement(k).signal();
            out[1][k] = LaneProfileReference.band(p, lane.width, pk, 2).signal;
        }
        return out;
    }

    @Test
    void profileIsTheMostAccurate() {
        StringBuilder table = new StringBuilder("| method | synthetic film 8-bit: worst relative error | synthetic"
                + " fluorescence 16-bit | rasilab crops: worst band vs reference | rasilab FLAG/H3: r |\n");
        double[][] err = new double[METHODS.length][];
        for (int i = 0; i < METHODS.length; i++) {
            double film = syntheticError(METHODS[i], SyntheticBlot.Mode.FILM_8BIT);
            double fluor = syntheticError(METHODS[i], SyntheticBlot.Mode.FLUORESCENCE_16BIT);
            double[] crop = cropAgreement(METHODS[i]);
            err[i] = new double[] {film, fluor, crop[0], crop[1]};
            table.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %.1f %% | %.4f |%n", METHODS[i],
                    100 * film, 100 * fluor, 100 * crop[0], crop[1]));
        }
        System.out.println(table);
        for (int i = 1; i < METHODS.length; i++) {
            assertTrue(err[0][2] <= err[i][2] && err[0][3] >= err[i][3] - 1e-4, table.toString());
        }
        assertTrue(err[0][0] <= 0.06 && err[0][1] <= 0.06, table.toString());
    }
}
