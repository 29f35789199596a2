package org.ihcblotquant.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.BrowserLauncher;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.study.StudyJob;
import org.ihcblotquant.study.StudyOutcome;
import org.ihcblotquant.study.StudyRequest;

/**
 * Analyze &gt; IHC Blot Quant &gt; Run Study: runs a study file (the same file and the same job as
 * {@code ihcq study}) with a progress bar; Esc cancels (results of images already scored are kept
 * for the next run). The report's path and the warnings go to the Log. Macro:
 * {@code run("Run Study", "study=[/data/study.yaml] output=[/data/out] reuse threads=0");}
 */
public class RunStudyPlugin implements PlugIn {
    private static final String TITLE = "Run Study";
    /** Macro keys of the fields the study job can name. */
    private static final FieldSpelling SPELLING = FieldSpelling.macro(Collections.singletonMap("out", "output"));

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Study file (YAML or JSON):", "", 36);
        gd.addDirectoryField("Output folder (empty: study-output beside the study file):", "", 36);
        gd.addCheckbox("Reuse results of earlier runs (same image content and settings)", true);
        gd.addNumericField("Threads (0: the study file's setting, else one per core):", 0, 0);
        gd.addCheckbox("Open the report in the web browser", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String study = gd.getNextString().trim();
        String output = gd.getNextString().trim();
        boolean reuse = gd.getNextBoolean();
        int threads = (int) gd.getNextNumber();
        boolean open = gd.getNextBoolean();
        try {
            if (study.isEmpty()) {
                throw new FieldException("study", "choose a study file");
            }
            if (threads < 0) {
                throw new FieldException("threads", "must be 0 or more");
            }
            Path file = Paths.get(study);
            Path out = output.isEmpty() ? file.toAbsolutePath().getParent().resolve("study-output") : Paths.get(output);
            StudyOutcome o = new StudyJob().run(new StudyRequest(file, out, reuse, threads == 0 ? -1 : threads),
                    new IjProgress());
            for (String w : o.warnings()) {
                UserMessages.warn(TITLE, w);
            }
            IJ.log(TITLE + ": " + o.images() + " images (" + o.reused() + " reused, " + o.failed()
                    + " not scored); report " + o.report());
            IJ.showStatus(TITLE + ": report written");
            if (open && IJ.getInstance() != null && !Interpreter.isBatchMode()) {
                BrowserLauncher.openURL(o.report().toUri().toString());
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, SPELLING);
        } catch (IOException e) {
            UserMessages.report(TITLE, new InputException("cannot open the report in a browser: " + e.getMessage()),
                    SPELLING);
        } finally {
            IJ.showProgress(1.0);
        }
    }
}
