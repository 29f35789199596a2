package org.ihcblotquant.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.plate.Normalisation;
import org.ihcblotquant.plate.PlateSettings;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;
import org.ihcblotquant.stats.CutPoint;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.plot.BarChart;

/**
 * Reads a study file: YAML (SnakeYAML, safe loading: plain maps, lists and scalars only), so JSON
 * works too. The format is documented in docs/study.md. Every value is checked here, and every
 * message names the file and the key ({@code markers[2].thresholds}); files and folders are
 * checked later, before any work, by {@link StudyPreflight}.
 */
public final class StudyConfigReader {

    private StudyConfigReader() {
    }

    public static StudyConfig read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": study file not found");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the study file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses study text; relative paths are taken against the folder of {@code file}. */
    public static StudyConfig parse(Path file, String text) {
        Object root;
        try (Reader r = new java.io.StringReader(text)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (YAMLException | IOException e) {
            throw new InputException(file + ": not a valid study file (YAML or JSON): "
                    + e.getMessage().replace('\n', ' '));
        }
        if (!(root instanceof Map)) {
            throw new InputException(file + ": a study file is a mapping of keys (study, markers, clinical, ...);"
                    + " see docs/study.md");
        }
        String name = file.getFileName().toString();
        ConfigNode top = new ConfigNode(name, "", (Map<?, ?>) root);
        top.allowOnly("study", "id-pattern", "threads", "markers", "blots", "plates", "clinical", "tests");
        Path base = file.toAbsolutePath().getParent();
        String title = top.string("study", name);
        Pattern idPattern = idPattern(top);
        int threads = top.integer("threads", 0);
        if (threads < 0) {
            throw top.error("threads", "must be 0 (one per processor) or more");
        }
        List<MarkerSpec> markers = new ArrayList<>();
        for (ConfigNode m : top.children("markers")) {
            MarkerSpec spec = marker(m, base, idPattern);
            for (MarkerSpec other : markers) {
                if (other.name().equals(spec.name())) {
                    throw m.error("name", "marker '" + spec.name() + "' is listed twice");
                }
            }
            markers.add(spec);
        }
        List<BlotSpec> blots = new ArrayList<>();
        for (ConfigNode b : top.children("blots")) {
            blots.add(blot(b, base));
        }
        List<PlateSpec> plates = new ArrayList<>();
        for (ConfigNode p : top.children("plates")) {
            plates.add(plate(p, base));
        }
        if (markers.isEmpty() && blots.isEmpty() && plates.isEmpty()) {
            throw new InputException(name + ": the study has no markers, blots or plates: nothing to measure");
        }
        ClinicalSpec clinical = top.has("clinical") ? clinical(top.child("clinical"), base) : null;
        ConfigNode tests = top.child("tests");
        GroupComparison.Test test = GroupComparison.Test.WELCH;
        BarChart.ErrorBars bars = BarChart.ErrorBars.SD;
        PValueAdjust.Method correction = PValueAdjust.Method.HOLM;
        List<SurvivalSpec> survival = new ArrayList<>();
        if (tests != null) {
            tests.allowOnly("compare", "error-bars", "correction", "survival");
            test = compareTest(tests);
            if (tests.has("correction")) {
                try {
                    correction = PValueAdjust.Method.parse(tests.string("correction"));
                } catch (RuntimeException e) {
                    throw tests.error("correction", problem(e));
                }
            }
            String eb = tests.string("error-bars", "SD").toUpperCase(Locale.ROOT);
            if (!eb.equals("SD") && !eb.equals("SEM")) {
                throw tests.error("error-bars", "'" + eb + "' is not SD or SEM");
            }
            bars = BarChart.ErrorBars.valueOf(eb);
            for (ConfigNode s : tests.children("survival")) {
                survival.add(survival(s, markers, clinical));
            }
        }
        return new StudyConfig(file, title, idPattern, threads, markers, blots, plates, clinical, test, bars, correction,
                survival);
    }

    private static Pattern idPattern(ConfigNode top) {
        if (!top.has("id-pattern")) {
            return null;
        }
        String re = top.string("id-pattern");
        Pattern p;
        try {
            p = Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw top.error("id-pattern", "invalid regular expression '" + re + "': " + e.getDescription());
        }
        if (p.matcher("").groupCount() < 1) {
            throw top.error("id-pattern", "'" + re + "' has no group; put the patient id in parentheses, e.g. '^(P\\d+)_'");
        }
        return p;
    }

    private static MarkerSpec marker(ConfigNode m, Path base, Pattern idPattern) {
        m.allowOnly("name", "images", "mode", "score", "stain", "vectors", "third", "background", "thresholds",
                "tissue-od", "pixel-size");
        String name = m.string("name");
        String mode = m.string("mode", "pixel").toLowerCase(Locale.ROOT);
        if (!mode.equals("pixel") && !mode.equals("cells")) {
            throw m.error("mode", "'" + mode + "' is not pixel or cells");
        }
        boolean cells = mode.equals("cells");
        if (!cells && m.has("pixel-size")) {
            throw m.error("pixel-size", "belongs to mode: cells (pixel scoring needs no pixel size)");
        }
        String[] scores = cells ? MarkerSpec.CELL_SCORES : MarkerSpec.SCORES;
        String score = m.string("score", scores[0]);
        if (!Arrays.asList(scores).contains(score)) {
            throw m.error("score", "'" + score + "' is not one of " + String.join(", ", scores) + " (mode " + mode
                    + ")");
        }
        IhcSettings s = IhcSettings.defaults();
        try {
            if (m.has("vectors")) {
                s = s.withVectors(StainVectors.parse(m.string("vectors")));
            } else if (m.has("stain")) {
                s = s.withVectors(StainVectors.builtIn(m.string("stain")));
            }
        } catch (RuntimeException e) {
            throw m.error(m.has("vectors") ? "vectors" : "stain", problem(e));
        }
        if (m.has("third")) {
            try {
                s = s.withThirdRule(ThirdStainRule.fromKey(m.string("third")));
            } catch (RuntimeException e) {
                throw m.error("third", problem(e));
            }
        }
        if (m.has("background")) {
            try {
                s = s.withBackground(BackgroundRule.parse(m.string("background")));
            } catch (RuntimeException e) {
                throw m.error("background", problem(e));
            }
        }
        if (m.has("thresholds")) {
            try {
                s = s.withThresholds(m.numbers("thresholds"));
            } catch (InputException e) {
                throw m.error("thresholds", problem(e));
            }
        }
        if (m.has("tissue-od") && !m.string("tissue-od").equalsIgnoreCase("auto")) {
            try {
                s = s.withTissueOd(m.number("tissue-od", Double.NaN));
            } catch (InputException e) {
                throw m.error("tissue-od", problem(e));
            }
        }
        List<String> given = m.strings("images");
        if (given.isEmpty()) {
            throw m.error("images", "missing (required): a folder of fields or slides, a file, or a list of them");
        }
        List<Path> folder = new ArrayList<>();
        for (String g : given) {
            folder.add(base.resolve(g).normalize());
        }
        if (!cells) {
            return new MarkerSpec(name, folder, score, s);
        }
        CellSettings c;
        try {
            c = CellSettings.defaults().withStain(s.withMarker(name)
                    .withSlidePattern(idPattern == null ? null : idPattern.pattern()))
                    .withPixelSize(m.number("pixel-size", CellSettings.DEFAULT_PIXEL_SIZE));
        } catch (FieldException e) {
            throw m.error(e.field(), e.problem());
        }
        return new MarkerSpec(name, folder, score, s, c);
    }

    private static BlotSpec blot(ConfigNode b, Path base) {
        b.allowOnly("name", "image", "rows", "control", "reference-lane", "lanes", "polarity", "background");
        Path image = base.resolve(b.string("image")).normalize();
        String name = b.string("name", image.getFileName().toString());
        List<String> rows = b.strings("rows");
        String control = b.string("control", null);
        if (control != null && !rows.isEmpty() && !rows.contains(control)) {
            throw b.error("control", "'" + control + "' is not one of the rows (" + String.join(", ", rows) + ")");
        }
        double[] ref = b.has("reference-lane") ? b.numbers("reference-lane") : new double[] {1};
        int[] refLanes = new int[ref.length];
        for (int i = 0; i < ref.length; i++) {
            if (ref[i] != Math.rint(ref[i]) || ref[i] < 1) {
                throw b.error("reference-lane", ref[i] + " is not a lane number (1, 2, ...)");
            }
            refLanes[i] = (int) ref[i];
        }
        BlotSettings s = new BlotSettings();
        List<String> labels = b.strings("lanes");
        s.lanes = labels.size();
        try {
            if (b.has("polarity")) {
                s.polarity = Polarity.parse("polarity", b.string("polarity"));
            }
            if (b.has("background")) {
                s.background = BackgroundMethod.parse("background", b.string("background"));
            }
        } catch (RuntimeException e) {
            throw b.error(b.has("background") ? "background" : "polarity", problem(e));
        }
        for (int r : refLanes) {
            if (!labels.isEmpty() && r > labels.size()) {
                throw b.error("reference-lane", r + " is beyond the " + labels.size() + " lanes listed");
            }
        }
        return new BlotSpec(name, image, rows, control, refLanes, labels, s);
    }

    private static PlateSpec plate(ConfigNode p, Path base) {
        p.allowOnly("name", "reads", "layout", "plate", "blank", "control", "normalise", "exclude", "max-od");
        Path reads = base.resolve(p.string("reads")).normalize();
        Path layout = base.resolve(p.string("layout")).normalize();
        int plate = p.integer("plate", 0);
        if (plate < 0) {
            throw p.error("plate", "must be 1, 2, ... (a plate of the export) or 0 for every plate");
        }
        PlateSettings s;
        try {
            s = new PlateSettings(p.string("blank"), p.string("control"),
                    Normalisation.parse(p.string("normalise", "percent-of-control")),
                    PlateSettings.parseExclude(p.string("exclude", "")),
                    p.number("max-od", PlateSettings.DEFAULT_MAX_OD), 0.95);
        } catch (FieldException e) {
            throw p.error(e.field(), e.problem());
        }
        return new PlateSpec(p.string("name", reads.getFileName().toString()), reads, layout, plate, s);
    }

    private static ClinicalSpec clinical(ConfigNode c, Path base) {
        c.allowOnly("file", "id", "group", "levels", "endpoints", "event-codes", "time-label");
        List<ClinicalSpec.Endpoint> endpoints = new ArrayList<>();
        ConfigNode ep = c.child("endpoints");
        if (ep != null) {
            for (ConfigNode e : epList(ep)) {
                e.allowOnly("time", "event");
                String label = e.where().substring(e.where().lastIndexOf('.') + 1);
                endpoints.add(new ClinicalSpec.Endpoint(label, e.string("time"), e.string("event")));
            }
        }
        EventCodes codes = EventCodes.defaults();
        if (c.has("event-codes")) {
            try {
                codes = EventCodes.parse(c.string("event-codes"));
            } catch (IllegalArgumentException e) {
                throw c.error("event-codes", e.getMessage());
            }
        }
        return new ClinicalSpec(base.resolve(c.string("file")).normalize(), c.string("id"), c.string("group", null),
                c.strings("levels"), endpoints, codes, c.string("time-label", "Time"));
    }

    /** The endpoints mapping: one child mapping per endpoint name (OS, RFS...). */
    private static List<ConfigNode> epList(ConfigNode ep) {
        List<ConfigNode> out = new ArrayList<>();
        for (String key : ep.keys()) {
            ConfigNode n = ep.child(key);
            if (n == null) {
                throw ep.error(key, "expected 'time:' and 'event:' columns");
            }
            out.add(n);
        }
        return out;
    }

    private static GroupComparison.Test compareTest(ConfigNode tests) {
        String t = tests.string("compare", "welch");
        GroupComparison.Test test;
        try {
            test = GroupComparison.Test.parse(t);
        } catch (IllegalArgumentException e) {
            test = null;
        }
        if (test == null || test == GroupComparison.Test.PAIRED) {
            throw tests.error("compare", "'" + t + "' is not welch, student, mannwhitney, anova or describe");
        }
        return test;
    }

    private static SurvivalSpec survival(ConfigNode s, List<MarkerSpec> markers, ClinicalSpec clinical) {
        s.allowOnly("marker", "cut", "at");
        String marker = s.string("marker");
        boolean known = false;
        for (MarkerSpec m : markers) {
            known |= m.name().equals(marker);
        }
        if (!known) {
            List<String> names = new ArrayList<>();
            for (MarkerSpec m : markers) {
                names.add(m.name());
            }
            throw s.error("marker", "'" + marker + "' is not a marker of this study (" + String.join(", ", names) + ")");
        }
        if (clinical == null || clinical.endpoints().isEmpty()) {
            throw s.error("marker", "survival needs a clinical sheet with endpoints (clinical.endpoints)");
        }
        if (!s.has("cut")) {
            throw s.error("cut", "missing: a score value (low below, high at or above), median, tertiles or optimal");
        }
        CutPoint cut;
        try {
            cut = CutPoint.parse(s.string("cut"));
        } catch (RuntimeException e) {
            throw s.error("cut", problem(e));
        }
        double[] at = s.has("at") ? s.numbers("at") : null;
        return new SurvivalSpec(marker, cut, at);
    }

    /** The problem of a core exception without the command-line option it names. */
    static String problem(RuntimeException e) {
        if (e instanceof FieldException) {
            return ((FieldException) e).problem();
        }
        String m = String.valueOf(e.getMessage());
        return m.startsWith("--") && m.indexOf(": ") > 0 ? m.substring(m.indexOf(": ") + 2) : m;
    }
}
