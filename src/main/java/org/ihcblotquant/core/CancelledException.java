package org.ihcblotquant.core;

/** Thrown by core operations when their {@link ProgressListener} asked to cancel. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}
