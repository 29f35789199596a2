package org.ihcblotquant.cli;

import java.awt.Rectangle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BandRow;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotAnalyzer;
import org.ihcblotquant.blot.BlotOverlay;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Lane;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.io.Table;

/** {@code ihcq blot}: Western blot densitometry with normalisation to the loading control. */
public final class BlotCommand implements CliCommand {

    @Override
    public String name() {
        return "blot";
    }

    @Override
    public String summary() {
        return "Western blot densitometry: lanes, bands, background, normalisation to a loading control";
    }

    @Override
    public String help() {
        return "Usage: ihcq blot IMAGE [options]\n"
                + "       ihcq blot --image NAME=FILE --image NAME=FILE --control NAME [options]\n\n"
                + "Finds the lanes and the band rows of a membrane image, subtracts the background, measures\n"
                + "every band and normalises: normalized = signal / control signal in the same lane,\n"
                + "relative = normalized / normalized of the reference lane(s).\n\n"
                + "Options:\n"
                + "  --rows NAME,NAME...      names of the band rows, top to bottom (default row1,row2,...); when\n"
                + "                           more rows are found, the most prominent rows get the names\n"
                + "  --image NAMES=FILE       one image per protein (separate scans of the same membrane, each\n"
                + "                           with its own lane placement, lanes matched by order). NAMES is one\n"
                + "                           name (the image's most prominent band row) or a comma list naming rows\n"
                + "                           top to bottom. Repeat for each image.\n"
                + "  --control NAME           loading control (or total protein for phospho/total); default none\n"
                + "                           (then relative = signal / signal of the reference lane)\n"
                + "  --reference-lane K[,K..] 1-based lane(s) whose mean normalized value is 1 (default 1)\n"
                + "  --lanes N                number of lanes (default: detected)\n"
                + "  --lane-centres X,X...    lane centres in pixels, instead of detection\n"
                + "  --lane-width W           lane width in pixels with --lane-centres (default 80 % of spacing)\n"
                + "  --polarity auto|dark|light  dark bands on light (film, Coomassie, inverted exports) or light\n"
                + "                           bands on dark (fluorescence, raw chemiluminescence); default auto\n"
                + "  --background border[:W]|lane|rolling:R|none\n"
                + "                           border: median of a W px ring around each band (default, W=3);\n"
                + "                           lane: lane-profile baseline through the minima around the band;\n"
                + "                           rolling:R: rolling ball of radius R px under each lane profile\n"
                + "  --roi x,y,w,h            region holding the lanes (with --image: NAME=x,y,w,h, repeatable)\n"
                + "  --min-snr S              bands below this SNR are flagged low-snr (default 3)\n"
                + "  --max-control-cv P       warn when the loading control's CV across lanes exceeds P % (default 20)\n"
                + "  --out FILE.csv           write the table there (default: print it)\n"
                + "  --overlay FILE.png       picture of lanes and bands (with --image: FILE-NAME.png per image):\n"
                + "                           lanes blue; bands green ok, red saturated, orange low SNR, grey no band\n"
                + "  --overlay-size PX        longest side of the picture (default 1000)\n\n"
                + "Signal units: dark-band images are inverted as 255 - pixel (8-bit) or 65535 - pixel (16-bit);\n"
                + "light-band images are used as they are; RGB is averaged to grey (with a warning).\n\n"
                + "Columns: " + String.join(", ", BlotQuantifier.COLUMNS) + "\n"
                + "status: ok, or the problems: no band, saturated, low-snr (joined by ';').\n"
                + "Settings and warnings are written as '# ' lines above the table.\n";
    }

    /** One image to analyse and the row names it carries. */
    private static final class Input {
        final String label;
        final Path file;
        final List<String> rowNames;
        Rectangle roi;

        Input(String label, Path file, List<String> rowNames) {
            this.label = label;
            this.file = file;
            this.rowNames = rowNames;
        }
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argList, Args.names("image", "rows", "control", "lanes", "lane-centres", "lane-width",
                "reference-lane", "polarity", "background", "roi", "out", "overlay", "overlay-size", "min-snr",
                "max-control-cv"),
                Args.names());
        List<Input> inputs = inputs(a);
        BlotSettings settings = settings(a);
        int[] refs = referenceLanes(a.get("reference-lane", "1"));
        String control = a.has("control") ? a.get("control", null).trim() : null;
        Path outFile = a.has("out") ? Paths.get(a.get("out", null)) : null;
        Path overlay = a.has("overlay") ? Paths.get(a.get("overlay", null)) : null;
        int overlaySize = a.getInt("overlay-size", 1000);
        if (overlaySize < 100) {
            throw new UsageException("--overlay-size must be at least 100 pixels");
        }
        if (overlay != null && !overlay.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UsageException("--overlay: give a .png file name");
        }
        applyRois(a.all("roi"), inputs);

        List<String> warnings = new ArrayList<>();
        List<BlotAnalysis> analyses = new ArrayList<>();
        Provenance prov = Provenance.start("blot");
        for (Input in : inputs) {
            LoadedImage img = ImageFiles.read(in.file);
            if (img.bitDepth() == 32) {
                throw new InputException(in.file + ": 32-bit float image; give the scanner's 8- or 16-bit file");
            }
            if (img.isLossy()) {
                warnings.add(in.file.getFileName() + ": JPEG (lossy) file: compression changes band intensities; "
                        + "quantify the original TIFF/PNG scan");
            }
            for (String n : img.notes()) {
                warnings.add(in.file.getFileName() + ": " + n);
            }
            BlotSettings s = settings.copy();
            s.roi = in.roi;
            BlotAnalysis an = BlotAnalyzer.analyze(in.label, img.processor(), img.alpha(), s, in.rowNames,
                    ProgressListener.NONE);
            for (String w : an.image().warnings()) {
                warnings.add(in.file.getFileName() + ": " + w);
            }
            analyses.add(an);
            describe(prov, in, img, an);
        }
        BlotQuantifier.Quantification q = BlotQuantifier.quantify(analyses, control, refs, settings.minSnr,
                settings.maxControlCv);
        List<String> all = new ArrayList<>(warnings);
        for (String w : q.warnings) {
            if (!all.contains(w) && !isImageWarning(w, analyses)) {
                all.add(w);
            }
        }
        prov.put("background", settings.background + " = " + settings.background.describe());
        prov.put("control", control == null ? "none" : control);
        prov.put("reference lanes", Arrays.toString(refs));
        prov.put("normalisation", control == null ? "relative = signal / mean signal of the reference lanes"
                : "normalized = signal / " + control + " signal in the same lane; relative = normalized / mean "
                        + "normalized of the reference lanes");
        prov.put("min snr", settings.minSnr);
        prov.put("max control cv %", 100 * settings.maxControlCv);
        for (int i = 0; i < all.size(); i++) {
            prov.put("warning " + (i + 1), all.get(i));
        }
        Table t = q.table;
        t.addComments(prov.lines());
        if (outFile != null) {
            CsvFormat.write(t, outFile);
        }
        if (overlay != null) {
            for (BlotAnalysis an : analyses) {
                Path p = analyses.size() == 1 ? overlay : withSuffix(overlay, an.name());
                BlotOverlay.writePng(BlotOverlay.render(an, settings.minSnr, overlaySize), p);
            }
        }
        for (String w : all) {
            err.println("warning: " + w);
        }
        if (outFile == null) {
            out.print(CsvFormat.toString(t));
        } else {
            for (BlotAnalysis an : analyses) {
                List<String> names = new ArrayList<>();
                for (BandRow r : an.rows()) {
                    names.add(r.name());
                }
                out.println(an.name() + ": " + an.lanes().size() + " lanes, rows " + String.join(", ", names));
            }
            out.println("wrote " + outFile + " (" + t.rowCount() + " rows)");
        }
        return OK;
    }

    /** The analysis settings from the options; malformed values are usage errors. */
    private static BlotSettings settings(Args a) {
        BlotSettings settings = new BlotSettings();
        settings.polarity = usage(() -> Polarity.parse("--polarity", a.get("polarity", "auto")));
        settings.background = usage(() -> BackgroundMethod.parse("--background", a.get("background", "border")));
        settings.lanes = a.getInt("lanes", 0);
        if (settings.lanes < 0) {
            throw new UsageException("--lanes must be 1 or more");
        }
        if (a.has("lane-centres")) {
            settings.laneCentres = Args.parseDoubles("--lane-centres", a.get("lane-centres", ""));
        }
        settings.laneWidth = a.getInt("lane-width", 0);
        settings.minSnr = a.getDouble("min-snr", BlotSettings.DEFAULT_MIN_SNR);
        settings.maxControlCv = a.getDouble("max-control-cv", 100 * BlotSettings.DEFAULT_MAX_CONTROL_CV) / 100;
        return settings;
    }

    /** Provenance of one image: the file, how it became signal, the region and the lanes placed. */
    private static void describe(Provenance prov, Input in, LoadedImage img, BlotAnalysis an) {
        prov.put("input " + in.label, in.file + " (" + img.format() + ", " + img.width() + "x" + img.height()
                + ", " + (img.isRgb() ? "RGB" : img.bitDepth() + "-bit") + ")");
        prov.put("signal " + in.label, an.image().describeConversion());
        prov.put("region " + in.label, rect(an.roi()));
        StringBuilder lanes = new StringBuilder();
        for (Lane l : an.lanes()) {
            lanes.append(lanes.length() == 0 ? "" : " ").append(Math.round(l.centreX()));
        }
        prov.put("lanes " + in.label, an.lanes().size() + " (centres x = " + lanes + ", width "
                + an.lanes().get(0).bounds().width + " px)");
    }

    /** Warnings of the analyses that were already reported with their file name. */
    private static boolean isImageWarning(String w, List<BlotAnalysis> analyses) {
        for (BlotAnalysis a : analyses) {
            if (a.image().warnings().contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static List<Input> inputs(Args a) {
        List<String> pos = a.positional();
        List<String> images = a.all("image");
        List<Input> inputs = new ArrayList<>();
        if (!images.isEmpty()) {
            if (!pos.isEmpty()) {
                throw new UsageException("give either IMAGE or --image NAME=FILE options, not both");
            }
            if (a.has("rows")) {
                throw new UsageException("--rows is for a single image; with --image, name the rows as "
                        + "--image NAME,NAME=FILE");
            }
            for (String spec : images) {
                int eq = spec.indexOf('=');
                if (eq <= 0 || eq == spec.length() - 1) {
                    throw new UsageException("--image " + spec + ": expected NAME=FILE");
                }
                List<String> names = names("--image", spec.substring(0, eq));
                Path file = Paths.get(spec.substring(eq + 1));
                String label = String.join("+", names);
                for (Input other : inputs) {
                    if (other.label.equals(label)) {
                        throw new UsageException("--image: name " + label + " given twice");
                    }
                }
                inputs.add(new Input(label, file, names));
            }
        } else {
            if (pos.size() != 1) {
                throw new UsageException(pos.isEmpty() ? "no image given" : "one IMAGE at a time (got "
                        + pos.size() + "); use --image NAME=FILE for separate images of one membrane");
            }
            Path file = Paths.get(pos.get(0));
            List<String> rows = a.has("rows") ? names("--rows", a.get("rows", "")) : null;
            inputs.add(new Input(file.getFileName().toString(), file, rows));
        }
        return inputs;
    }

    private static List<String> names(String option, String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            String n = s.trim();
            if (n.isEmpty()) {
                throw new UsageException(option + ": empty protein name in '" + list + "'");
            }
            if (out.contains(n)) {
                throw new UsageException(option + ": protein name " + n + " given twice");
            }
            out.add(n);
        }
        return out;
    }

    private static void applyRois(List<String> specs, List<Input> inputs) {
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq > 0) {
                String name = spec.substring(0, eq).trim();
                Rectangle r = parseRect(spec.substring(eq + 1));
                boolean found = false;
                for (Input in : inputs) {
                    if (in.label.equals(name) || in.rowNames != null && in.rowNames.contains(name)) {
                        in.roi = r;
                        found = true;
                    }
                }
                if (!found) {
                    throw new UsageException("--roi " + spec + ": no image named " + name);
                }
            } else {
                Rectangle r = parseRect(spec);
                for (Input in : inputs) {
                    in.roi = r;
                }
            }
        }
    }

    private static Rectangle parseRect(String v) {
        double[] d = Args.parseDoubles("--roi", v);
        if (d.length != 4 || d[2] < 1 || d[3] < 1) {
            throw new UsageException("--roi " + v + ": expected x,y,width,height in pixels");
        }
        return new Rectangle((int) Math.round(d[0]), (int) Math.round(d[1]), (int) Math.round(d[2]),
                (int) Math.round(d[3]));
    }

    private static int[] referenceLanes(String v) {
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--reference-lane " + v + ": expected lane numbers like 1 or 1,2");
            }
        }
        return out;
    }

    private static String rect(Rectangle r) {
        return r.x + "," + r.y + "," + r.width + "," + r.height;
    }

    private static Path withSuffix(Path p, String name) {
        String f = p.getFileName().toString();
        String base = f.substring(0, f.length() - 4);
        String safe = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        return p.resolveSibling(base + "-" + safe + ".png");
    }

    /** Turns a setting's InputException into a usage error (exit code 2). */
    private static <T> T usage(java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
