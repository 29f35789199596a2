package org.ihcblotquant.scijava;

import java.io.File;
import java.nio.file.Path;
import java.util.Collections;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.study.StudyJob;
import org.ihcblotquant.study.StudyOutcome;
import org.ihcblotquant.study.StudyRequest;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A whole study from its study file (as {@code ihcq study}): the report's path and the joined study table. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Run Study (script)")
public class RunStudyCommand implements Command {
    static final FieldSpelling SPELLING = FieldSpelling.scijava(Collections.singletonMap("out", "output"));

    @Parameter(persist = false, style = "open", description = "study file (YAML or JSON; see docs/study.md)")
    private File study;

    @Parameter(persist = false, style = "directory", required = false,
            description = "output folder (empty: study-output beside the study file)")
    private File output;

    @Parameter(persist = false, required = false, description = "reuse results of earlier runs by image content")
    private boolean reuse = true;

    @Parameter(persist = false, required = false, description = "images scored at once; 0 = the study file's setting")
    private int threads;

    @Parameter(type = ItemIO.OUTPUT)
    private String report;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable table;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            Path file = Commands.path(study);
            if (file == null) {
                throw new FieldException("study", "give the study file");
            }
            if (threads < 0) {
                throw new FieldException("threads", "must be 0 or more");
            }
            Path out = Commands.path(output);
            if (out == null) {
                out = file.toAbsolutePath().getParent().resolve("study-output");
            }
            StudyOutcome o = new StudyJob().run(new StudyRequest(file, out, reuse, threads == 0 ? -1 : threads),
                    ProgressListener.NONE);
            report = o.report().toString();
            table = o.studyTable() == null ? new ResultsTable() : Commands.table(o.studyTable());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Run Study", e, SPELLING);
        }
    }
}
