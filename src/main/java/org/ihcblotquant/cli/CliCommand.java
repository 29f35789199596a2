package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code ihcq}. */
public interface CliCommand {
    /** Exit code: everything requested was done. */
    int OK = 0;
    /** Exit code: nothing could be processed, or the work failed. */
    int FAILED = 1;
    /** Exit code: invalid options. */
    int USAGE = 2;

    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: usage line, every option with its default, and what is written. */
    String help();

    /**
     * Runs with the arguments after the command name. Throws {@link UsageException} for invalid
     * options and {@link org.ihcblotquant.core.InputException} for bad input it cannot go on with.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
