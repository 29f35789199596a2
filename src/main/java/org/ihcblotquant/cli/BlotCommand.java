package org.ihcblotquant.cli;

import java.awt.Rectangle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BandRow;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Ladder;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.BlotAnalyzeJob;
import org.ihcblotquant.job.CommandLines;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Fields;

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
                + "  --background profile|border[:W]|lane|rolling:R|none\n"
                + "                           profile (default): lane profile above a straight baseline between\n"
                + "                           the band's flanking minima, times the lane width (Gel Analyzer);\n"
                + "                           border: median of a W px ring around each band box (W=3);\n"
                + "                           lane: lane-profile baseline through the minima around the band;\n"
                + "                           rolling:R: rolling ball of radius R px under each lane profile\n"
                + "  --ladder auto|first|last|none  molecular-weight marker lane, measured but left out of the\n"
                + "                           normalisation (relative empty, status ladder); auto: an end lane\n"
                + "                           with many bands spread down it (default auto)\n"
                + "  --merge-doublets         two bands not resolved down to the baseline between them (a\n"
                + "                           doublet) are measured as one band, one row\n"
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
                "max-control-cv", "ladder"),
                Args.names("merge-doublets"));
        List<Input> inputs = inputs(a);
        BlotSettings settings = settings(a);
        int[] refs = Fields.wholes("reference-lane", a.get("reference-lane", "1"));
        Path outFile = a.has("out") ? Paths.get(a.get("out", null)) : null;
        Path overlay = a.has("overlay") ? Paths.get(a.get("overlay", null)) : null;
        applyRois(a.all("roi"), inputs);
        List<BlotAnalyzeJob.BlotImage> images = new ArrayList<>();
        for (Input in : inputs) {
            images.add(BlotAnalyzeJob.BlotImage.file(in.label, in.file, in.rowNames, in.roi));
        }
        BlotAnalyzeJob.Outcome o = new BlotAnalyzeJob().run(new BlotAnalyzeJob.Request(images, settings,
                a.get("control", null), refs, outFile, overlay, a.getInt("overlay-size", 1000),
                CommandLines.quoted("ihcq blot", argList)), ProgressListener.NONE);
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        Table t = o.table();
        if (outFile == null) {
            out.print(CsvFormat.toString(t));
        } else {
            for (BlotAnalysis an : o.analyses()) {
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
        settings.polarity = Polarity.parse("polarity", a.get("polarity", "auto"));
        settings.background = BackgroundMethod.parse("background", a.get("background", "profile"));
        settings.lanes = a.getInt("lanes", 0);
        if (a.has("lane-centres")) {
            settings.laneCentres = Args.parseDoubles("lane-centres", a.get("lane-centres", ""));
        }
        settings.laneWidth = a.getInt("lane-width", 0);
        settings.minSnr = a.getDouble("min-snr", BlotSettings.DEFAULT_MIN_SNR);
        settings.ladder = Ladder.parse("ladder", a.get("ladder", "auto"));
        settings.mergeDoublets = a.flag("merge-doublets");
        settings.maxControlCv = a.getDouble("max-control-cv", 100 * BlotSettings.DEFAULT_MAX_CONTROL_CV) / 100;
        return settings;
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
                List<String> names = Fields.names("image", spec.substring(0, eq));
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
            List<String> rows = a.has("rows") ? Fields.names("rows", a.get("rows", "")) : null;
            inputs.add(new Input(file.getFileName().toString(), file, rows));
        }
        return inputs;
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
        double[] d = Args.parseDoubles("roi", v);
        if (d.length != 4 || d[2] < 1 || d[3] < 1) {
            throw new FieldException("roi", v + ": expected x,y,width,height in pixels");
        }
        return new Rectangle((int) Math.round(d[0]), (int) Math.round(d[1]), (int) Math.round(d[2]),
                (int) Math.round(d[3]));
    }
}
