package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one Fiji error policy, in a real ImageJ ({@code -batch}, Xvfb): every command given bad
 * input in a macro prints one message naming the macro key or the problem, opens no dialog (a
 * dialog would hang until the timeout) and stops the macro, so the line after the call never
 * runs. Each case is a macro file of its own, run from one outer macro with {@code runMacro}, so
 * one ImageJ start covers them all: a stopped inner macro returns to the outer one.
 */
class MacroErrorPolicyTest {

    /** A failing call: the macro lines, and what the message must contain. */
    private static final class Case {
        final String setup;
        final String call;
        final String[] expected;

        Case(String setup, String call, String... expected) {
            this.setup = setup;
            this.call = call;
            this.expected = expected;
        }
    }

    @Test
    void everyCommandStopsTheMacroWithOneMessageAndNoDialog(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ByteProcessor blank = new ByteProcessor(200, 120);
        blank.setValue(180);
        blank.fill();
        Path blankTif = dir.resolve("blank.tif");
        new FileSaver(new ImagePlus("blank", blank)).saveAsTiff(blankTif.toString());
        Path pg = Files.write(dir.resolve("plantgrowth.csv"), ("weight,group\n4.17,ctrl\n5.58,ctrl\n5.18,ctrl\n"
                + "4.81,trt1\n4.17,trt1\n4.41,trt1\n6.31,trt2\n5.12,trt2\n5.54,trt2\n").getBytes(StandardCharsets.UTF_8));
        Path aml = Files.write(dir.resolve("aml.csv"), ("time,status,x\n9,1,Maintained\n13,1,Maintained\n13,0,Maintained\n"
                + "5,1,Nonmaintained\n5,1,Nonmaintained\n8,1,Nonmaintained\n").getBytes(StandardCharsets.UTF_8));
        Path aFile = Files.write(dir.resolve("a-file.txt"), "x".getBytes(StandardCharsets.UTF_8));
        String rgb = "newImage(\"colour\", \"RGB white\", 64, 64, 1);\n";
        String none = "close(\"*\");\n";
        List<Case> cases = new ArrayList<>();
        // IHC
        cases.add(new Case("newImage(\"grey\", \"8-bit ramp\", 64, 64, 1);\n",
                "run(\"IHC Score\", \"stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=auto\");",
                "IHC Score: grey: not an RGB colour image"));
        cases.add(new Case(rgb, "run(\"IHC Score\", \"stain=[H DAB] background=auto thresholds=0.6,0.4,0.2 tissue=auto\");",
                "IHC Score: thresholds=: 0.6,0.4,0.2 must increase"));
        cases.add(new Case(rgb, "run(\"IHC Score\", \"stain=[H DAB] background=auto thresholds=-0.1,0.4,0.6 tissue=auto\");",
                "IHC Score: thresholds=: ", "positive"));
        cases.add(new Case(rgb, "run(\"IHC Score\", \"stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=9\");",
                "IHC Score: tissue=: 9.0 is outside"));
        cases.add(new Case(none, "run(\"IHC Score\", \"stain=[H DAB] background=auto\");",
                "IHC Score: no image open"));
        cases.add(new Case("", "run(\"IHC Batch\", \"input=[" + FijiMacroRunner.macroPath(empty) + "] output=["
                + FijiMacroRunner.macroPath(dir.resolve("out")) + "] stain=[H DAB] background=auto\");",
                "IHC Batch: ", "contains no images"));
        cases.add(new Case("", "run(\"IHC Batch\", \"input=[" + FijiMacroRunner.macroPath(dir.resolve("missing"))
                + "] output=[" + FijiMacroRunner.macroPath(dir.resolve("out")) + "] stain=[H DAB]\");",
                "IHC Batch: ", "missing"));
        cases.add(new Case("", "run(\"IHC Batch\", \"input=[" + FijiMacroRunner.macroPath(empty) + "] output=["
                + FijiMacroRunner.macroPath(aFile) + "] mask=[" + FijiMacroRunner.macroPath(dir.resolve("nomask"))
                + "] stain=[H DAB]\");",
                "IHC Batch: mask=: "));
        cases.add(new Case(rgb, "run(\"Colour Deconvolution (OD)\", \"stain=[H DAB] third=[cross product] background=300,1,1\");",
                "Colour Deconvolution (OD): background=: 300.000 is outside 1..255"));
        cases.add(new Case(none, "run(\"Colour Deconvolution (OD)\", \"stain=[H DAB]\");",
                "Colour Deconvolution (OD): no image open"));
        // blot
        cases.add(new Case(none, "run(\"Blot Analyze\", \"rows=a,b lanes=0 polarity=auto background=border\");",
                "Blot Analyze: no image open"));
        cases.add(new Case("open(\"" + FijiMacroRunner.macroPath(blankTif) + "\");\n",
                "run(\"Blot Analyze\", \"rows=[] control=[] reference=1 lanes=0 polarity=auto background=rolling\");",
                "Blot Analyze: background=: 'rolling': rolling needs a radius"));
        cases.add(new Case("open(\"" + FijiMacroRunner.macroPath(blankTif) + "\");\n",
                "run(\"Blot Analyze\", \"rows=[] control=[] reference=x lanes=0 polarity=auto background=border\");",
                "Blot Analyze: reference=: 'x' is not a whole number"));
        cases.add(new Case("open(\"" + FijiMacroRunner.macroPath(blankTif) + "\");\n",
                "run(\"Blot Measure\", \"control=[] reference=1 polarity=auto background=border minimum=3 cv_limit=20\");",
                "Blot Measure: no band regions named laneN:protein"));
        cases.add(new Case("open(\"" + FijiMacroRunner.macroPath(blankTif) + "\");\n",
                "run(\"Blot Measure\", \"control=[] reference=1 polarity=auto background=border minimum=-1 cv_limit=20\");",
                "Blot Measure: minimum=: must be a number >= 0"));
        // statistics
        cases.add(new Case("", "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg)
                + "] value=nope group=group test=[Welch t-test]\");",
                "Compare Groups: ", "missing column 'nope'"));
        cases.add(new Case("", "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg)
                + "] value=weight group=group test=[Welch t-test]\");",
                "Compare Groups: levels=: Welch t-test compares exactly 2 groups, found 3"));
        cases.add(new Case("", "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg)
                + "] value=weight group=group test=[One-way ANOVA + Tukey HSD] confidence=1.5\");",
                "Compare Groups: confidence=: must be between 0 and 1"));
        cases.add(new Case("", "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(aml)
                + "] time=time event=status group=x at=-5,10\");",
                "Survival Analysis: at=: times must not be negative"));
        cases.add(new Case("", "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(aml)
                + "] on=x time=time event=status\");",
                "Survival Analysis: join=: "));
        cases.add(new Case("", "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(aml)
                + "] time=time event=status group=x save=[" + FijiMacroRunner.macroPath(dir.resolve("no/such/km.png"))
                + "]\");",
                "Survival Analysis: save=: folder ", "does not exist"));

        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path f = dir.resolve("case" + i + ".ijm");
            Files.write(f, (c.setup + c.call + "\nprint(\"REACHED " + i + "\");\n").getBytes(StandardCharsets.UTF_8));
            outer.append("print(\"CASE ").append(i).append("\");\nrunMacro(\"").append(FijiMacroRunner.macroPath(f))
                    .append("\");\n");
        }
        outer.append("print(\"ALL CASES RUN\");\n");
        FijiMacroRunner.Result r = FijiMacroRunner.run(outer.toString(), dir, 240);
        assertTrue(r.stdout.contains("ALL CASES RUN"), r.toString());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertFalse(r.stdout.contains("REACHED " + i + "\n"), "case " + i + " went on after " + c.call + "\n" + r);
            for (String e : c.expected) {
                assertTrue(r.stderr.contains(e), "case " + i + ": '" + e + "' missing\n" + r);
            }
        }
        // each message once: on standard error, not echoed to standard output by the Log
        assertFalse(r.stdout.contains("must increase"), r.toString());
        assertTrue(r.stderr.indexOf("must increase") == r.stderr.lastIndexOf("must increase"), r.toString());
        assertFalse(Files.exists(dir.resolve("out").resolve("images.csv")), "nothing written for an empty folder");
        assertFalse(Files.exists(dir.resolve("no")), "no folder made for a refused plot path");
    }
}
