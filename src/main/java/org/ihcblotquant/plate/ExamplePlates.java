package org.ihcblotquant.plate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ihcblotquant.io.AtomicFiles;

/**
 * The example plate of the documentation, made reproducibly (fixed seed): Saos-2 osteosarcoma
 * cells treated with doxorubicin (0.25, 0.5, 1 uM), doxorubicin 0.5 uM with IL-6 (10, 50,
 * 100 ng/mL), and with IL-6 50 ng/mL plus the JAK2/STAT3 inhibitor AG490, every condition in
 * triplicate in rows B–D; medium-only blanks. One export in the layout of a BioTek Gen5 "plate
 * view" CSV with two read-outs: CCK-8 absorbance at 450 nm and Caspase-Glo 3/7 luminescence
 * (where one high well saturated the detector and reads "OVRFLW").
 *
 * <p>Readings are made from the true values below plus Gaussian replicate noise (CV about 4 %
 * for absorbance, 6 % for luminescence), so the ground truth is known.
 */
public final class ExamplePlates {

    /** Conditions in layout columns 2..10, rows B–D. The IL-6 doses are deliberately not in dose order. */
    public static final String[] CONDITIONS = {"Blank", "Control", "Dox 0.25 uM", "Dox 0.5 uM", "Dox 1 uM",
        "Dox + IL-6 100 ng/mL", "Dox + IL-6 10 ng/mL", "Dox + IL-6 50 ng/mL", "Dox + IL-6 + AG490"};
    /** True CCK-8 viability in % of control, per condition (blank and control by definition). */
    public static final double[] TRUE_VIABILITY = {0, 100, 82, 61, 38, 84, 68, 77, 58};
    /** True caspase-3/7 activity, fold of control. */
    public static final double[] TRUE_CASPASE_FOLD = {0, 1, 1.8, 3.1, 4.6, 1.6, 2.6, 2.0, 3.0};
    public static final double BLANK_OD = 0.088;
    public static final double CONTROL_OD = 1.262;
    public static final double BLANK_RLU = 350;
    public static final double CONTROL_RLU = 12400;
    /** The well whose luminescence saturated ("OVRFLW"). */
    public static final String OVERFLOW_WELL = "C6";

    private ExamplePlates() {
    }

    /** The layout grid (rows A–H, columns 1–12; unused wells empty). */
    public static String layoutText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Layout,Saos-2 doxorubicin / IL-6 / AG490,triplicates in rows B-D\n\n");
        sb.append(header());
        for (int r = 0; r < 8; r++) {
            sb.append((char) ('A' + r));
            for (int c = 0; c < 12; c++) {
                sb.append(',');
                int cond = condition(r, c);
                if (cond >= 0) {
                    sb.append(CONDITIONS[cond]);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The two-read-out export. */
    public static String readsText() {
        Random rnd = new Random(20261202L);
        StringBuilder sb = new StringBuilder();
        sb.append("Software Version,3.11.19\n");
        sb.append("Experiment File Path:,C:\\Users\\lab\\Saos2_Dox_IL6_AG490.xpt\n");
        sb.append("Protocol File Path:,CCK8_CaspaseGlo.prt\n");
        sb.append("Plate Number,Plate 1\n");
        sb.append("Date,12/2/2026\n");
        sb.append("Reader Type:,Synergy H1\n\n");
        sb.append("Procedure Details\n");
        sb.append("Read 1,Absorbance Endpoint,Wavelengths:  450\n");
        sb.append("Read 2,Luminescence Endpoint,Integration Time: 0:01.00 (MM:SS.ss),Gain: 135\n\n");
        sb.append("Results\n");
        sb.append("450\n");
        sb.append(header());
        for (int r = 0; r < 8; r++) {
            sb.append((char) ('A' + r));
            for (int c = 0; c < 12; c++) {
                sb.append(',');
                int cond = condition(r, c);
                if (cond >= 0) {
                    double truth = BLANK_OD + TRUE_VIABILITY[cond] / 100 * (CONTROL_OD - BLANK_OD);
                    double sd = cond == 0 ? 0.004 : 0.04 * truth;
                    sb.append(String.format(Locale.ROOT, "%.3f", truth + sd * rnd.nextGaussian()));
                }
            }
            sb.append(",450\n");
        }
        sb.append("\nLum\n");
        sb.append(header());
        for (int r = 0; r < 8; r++) {
            sb.append((char) ('A' + r));
            for (int c = 0; c < 12; c++) {
                sb.append(',');
                int cond = condition(r, c);
                if (cond >= 0) {
                    double truth = BLANK_RLU + TRUE_CASPASE_FOLD[cond] * (CONTROL_RLU - BLANK_RLU);
                    double sd = cond == 0 ? 25 : 0.06 * truth;
                    double v = Math.round(truth + sd * rnd.nextGaussian());
                    sb.append(PlateFormat.wellName(r, c).equals(OVERFLOW_WELL) ? "OVRFLW" : String.valueOf((long) v));
                }
            }
            sb.append(",Lum\n");
        }
        return sb.toString();
    }

    /** Index into {@link #CONDITIONS} of a well, or -1 when unused. */
    static int condition(int row, int col) {
        if (row < 1 || row > 3 || col < 1 || col > CONDITIONS.length) {
            return -1;
        }
        return col - 1;
    }

    private static String header() {
        StringBuilder sb = new StringBuilder();
        for (int c = 1; c <= 12; c++) {
            sb.append(',').append(c);
        }
        return sb.append('\n').toString();
    }

    /** Writes {@code saos2-reads.csv} and {@code saos2-layout.csv} into the folder; returns them. */
    public static List<Path> write(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        Path reads = dir.resolve("saos2-reads.csv");
        Path layout = dir.resolve("saos2-layout.csv");
        AtomicFiles.writeText(reads, readsText());
        AtomicFiles.writeText(layout, layoutText());
        out.add(reads);
        out.add(layout);
        return out;
    }
}
