package org.ihcblotquant.core;

/**
 * Receives progress from long-running core operations and lets the caller cancel them.
 * Core code never touches a GUI: adapters map this onto IJ's progress bar, a CLI line, or nothing.
 */
public interface ProgressListener {

    /** A listener that ignores progress and never cancels. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * @param fraction done so far, 0..1
     * @param message short description of the current step (may be null)
     */
    void progress(double fraction, String message);

    /** Polled by core loops between work units; when true they throw {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when the listener asks for cancellation. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
