package org.ihcblotquant.scijava;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.plugin.ResultsTables;

/** What the SciJava commands share: menu placement, table outputs, error rendering. */
public final class Commands {
    /** The SciJava commands' menu (labels end in "(script)", unlike the ImageJ 1 commands). */
    public static final String MENU = "Analyze>IHC Blot Quant>Scripting>";

    /** What a script user does when Java runs out of memory. */
    static final String MEMORY_ADVICE = "give Java more memory (Fiji: Edit > Options > Memory & Threads; "
            + "PyImageJ: scyjava.config.add_option('-Xmx16g') before starting)";

    private Commands() {
    }

    /** A table as an ImageJ ResultsTable (numbers as numbers, empty cells empty). */
    public static ResultsTable table(Table t) {
        ResultsTable rt = new ResultsTable();
        ResultsTables.append(rt, t);
        return rt;
    }

    /** Warnings as one text, one per line ("" when none). */
    static String lines(List<String> warnings) {
        return String.join("\n", warnings);
    }

    static Path path(File f) {
        return f == null || f.getPath().trim().isEmpty() ? null : f.toPath();
    }

    /**
     * The exception a command throws: a field error names the parameter, user-fixable input
     * problems keep their message, lack of memory says what to do, anything else is a bug.
     */
    static RuntimeException failure(String command, Throwable e, FieldSpelling spelling) {
        if (e instanceof FieldException) {
            return new IllegalArgumentException(command + ": " + ((FieldException) e).render(spelling), e);
        }
        if (e instanceof OutOfMemoryError) {
            return new IllegalStateException(command + ": out of memory; " + MEMORY_ADVICE, e);
        }
        if (e instanceof InputException || e instanceof java.io.UncheckedIOException) {
            boolean memory = e.getMessage().contains(org.ihcblotquant.ihc.IhcAnalysis.TOO_LARGE);
            return new IllegalArgumentException(command + ": " + e.getMessage() + (memory ? "; " + MEMORY_ADVICE : ""),
                    e);
        }
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }

    /** A parameter-name spelling: neutral names mapped to the command's parameter names. */
    static FieldSpelling spelling(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return FieldSpelling.scijava(m);
    }
}
