package org.ihcblotquant.cli;

/** {@link CliRunner} for tests outside the {@code cli} package: exit code and both streams as one text. */
public final class CliRunnerAccess {

    /** Exit code and "stdout + stderr". */
    public static final class Result {
        public final int code;
        public final String text;

        Result(int code, String text) {
            this.code = code;
            this.text = text;
        }
    }

    private CliRunnerAccess() {
    }

    public static Result run(String... args) {
        CliRunner r = CliRunner.run(args);
        return new Result(r.code, r.out + r.err);
    }
}
