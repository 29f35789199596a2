package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Threads;
import org.ihcblotquant.core.Version;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;

/** Entry point of the {@code ihcq} command line. */
public final class Main {
    /** How the CLI spells the jobs' neutral field names: {@code --name}. */
    static final FieldSpelling SPELLING = FieldSpelling.cli();
    /** What a CLI user does when Java runs out of memory. */
    static final String MEMORY_ADVICE = "raise the heap, e.g. JAVA_OPTS=-Xmx16g";

    private Main() {
    }

    /** The sub-commands, in the order the help lists them. */
    static Map<String, CliCommand> commands() {
        Map<String, CliCommand> m = new LinkedHashMap<>();
        for (CliCommand c : Arrays.<CliCommand>asList(
                new DemoCommand(),
                new IhcCommand(),
                new CellsCommand(),
                new DeconvolveCommand(),
                new BenchCommand(),
                new ExamplesCommand(),
                new BlotCommand(),
                new StatsCommand(),
                new MergeCommand(),
                new PlateCommand(),
                new StudyCommand())) {
            m.put(c.name(), c);
        }
        return m;
    }

    public static void main(String[] args) {
        Threads.configureCommonPool();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code (for tests and for {@link #main}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, CliCommand> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            if (args.length > 1 && commands.containsKey(args[1])) {
                out.print(commands.get(args[1]).help());
                return CliCommand.OK;
            }
            out.print(help(commands));
            return args.length == 0 ? CliCommand.USAGE : CliCommand.OK;
        }
        if (args[0].equals("--version")) {
            out.println(Version.toolAndVersion());
            return CliCommand.OK;
        }
        CliCommand cmd = commands.get(args[0]);
        if (cmd == null) {
            err.println("ihcq: unknown command '" + args[0] + "' (see ihcq --help)");
            return CliCommand.USAGE;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(cmd.help());
            return CliCommand.OK;
        }
        try {
            return cmd.run(rest, out, err);
        } catch (FieldException e) {
            if (e.isAboutInput()) {
                err.println("ihcq " + cmd.name() + ": error: " + e.render(SPELLING));
                return CliCommand.FAILED;
            }
            // one line: the option and what is wrong with it
            err.println("ihcq " + cmd.name() + ": " + e.render(SPELLING));
            return CliCommand.USAGE;
        } catch (UsageException e) {
            err.println("ihcq " + cmd.name() + ": " + e.getMessage());
            err.println("see: ihcq " + cmd.name() + " --help");
            return CliCommand.USAGE;
        } catch (InputException e) {
            err.println("ihcq " + cmd.name() + ": error: " + e.getMessage()
                    + (e.getMessage().contains(IhcAnalysis.TOO_LARGE) ? "; " + MEMORY_ADVICE : ""));
            return CliCommand.FAILED;
        } catch (CancelledException e) {
            err.println("ihcq " + cmd.name() + ": cancelled");
            return CliCommand.FAILED;
        } catch (OutOfMemoryError e) {
            err.println("ihcq " + cmd.name() + ": error: out of memory; " + MEMORY_ADVICE);
            return CliCommand.FAILED;
        } catch (java.nio.file.InvalidPathException e) {
            err.println("ihcq " + cmd.name() + ": error: cannot use the path '" + e.getInput() + "' (" + e.getReason()
                    + "): Java reads file names in the locale's character set; run with a UTF-8 locale, "
                    + "e.g. LC_ALL=C.UTF-8 (the ihcq launcher sets it)");
            return CliCommand.FAILED;
        } catch (java.io.UncheckedIOException e) {
            err.println("ihcq " + cmd.name() + ": error: " + e.getMessage());
            return CliCommand.FAILED;
        } catch (Exception e) {
            err.println("ihcq " + cmd.name() + ": error: " + e);
            e.printStackTrace(err);
            return CliCommand.FAILED;
        }
    }

    static String help(Map<String, CliCommand> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append(Version.toolAndVersion()).append(": IHC scoring, blot densitometry and statistics.\n\n");
        sb.append("Usage: ihcq COMMAND [options]    (ihcq COMMAND --help for its options)\n\nCommands:\n");
        for (CliCommand c : commands.values()) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-12s %s%n", c.name(), c.summary()));
        }
        sb.append("\nOptions:\n  --help       this text\n  --version    print the version\n");
        sb.append("\nEnvironment: JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS=-Xmx16g for large images).\n");
        sb.append("SLURM_CPUS_PER_TASK (set in SLURM jobs with --cpus-per-task) is the number of threads to use.\n");
        sb.append("Exit codes: 0 done; 1 nothing could be processed or the work failed; 2 invalid options.\n");
        return sb.toString();
    }
}
