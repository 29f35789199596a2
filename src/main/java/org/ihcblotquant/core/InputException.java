package org.ihcblotquant.core;

/**
 * Bad input that the user can fix: an unreadable file, a non-RGB image, a malformed option.
 * The message always names the file or option and the problem, and is shown to the user as is.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
