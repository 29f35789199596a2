package org.ihcblotquant.cli;

/** An invalid command line: unknown option, missing value, malformed number. Exit code 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
