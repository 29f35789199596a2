package org.ihcblotquant.plugin;

import ij.IJ;

import org.ihcblotquant.core.ProgressListener;

/** Maps core progress onto ImageJ's progress bar; Esc cancels. */
final class IjProgress implements ProgressListener {

    @Override
    public void progress(double fraction, String message) {
        IJ.showProgress(fraction);
        if (message != null) {
            IJ.showStatus(message);
        }
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }
}
