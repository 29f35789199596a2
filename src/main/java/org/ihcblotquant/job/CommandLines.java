package org.ihcblotquant.job;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line recorded in provenance, quoted for a POSIX shell so it can be pasted back:
 * arguments with spaces, quotes, {@code $}, {@code *}, parentheses or backslashes (slide patterns
 * such as {@code ^(P\d+)_}) are put in single quotes.
 */
public final class CommandLines {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLines() {
    }

    public static String quoted(String program, List<String> args) {
        StringBuilder sb = new StringBuilder(program);
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    /** One argument, single-quoted unless it holds only characters a shell leaves alone. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
