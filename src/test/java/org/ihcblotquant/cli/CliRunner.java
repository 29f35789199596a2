package org.ihcblotquant.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public final class CliRunner {
    public final int code;
    public final String out;
    public final String err;

    private CliRunner(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    public static CliRunner run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            int code = Main.run(args, new PrintStream(o, true, "UTF-8"), new PrintStream(e, true, "UTF-8"));
            return new CliRunner(code, o.toString("UTF-8"), e.toString("UTF-8"));
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
