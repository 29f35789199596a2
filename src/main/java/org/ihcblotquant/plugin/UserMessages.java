package org.ihcblotquant.plugin;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * Error reporting for the Fiji commands: a dialog when a person is at the GUI; in batch or
 * headless runs the log and standard error instead, because a modal dialog there hangs the macro.
 */
final class UserMessages {

    private UserMessages() {
    }

    /**
     * The current image when it is RGB; otherwise reports that {@code command} needs an RGB
     * brightfield image and returns null.
     */
    static ij.ImagePlus currentRgbImage(String command) {
        ij.ImagePlus imp = IJ.getImage();
        if (imp == null) {
            return null;
        }
        if (imp.getType() != ij.ImagePlus.COLOR_RGB) {
            error(command, imp.getTitle() + ": not an RGB colour image (" + imp.getBitDepth()
                    + "-bit); " + command + " needs a brightfield RGB image");
            return null;
        }
        return imp;
    }

    static void error(String title, String message) {
        if (IJ.getInstance() != null && !Interpreter.isBatchMode()) {
            IJ.error(title, message);
        } else {
            System.err.println(title + ": " + message);
            IJ.log(title + ": " + message);
        }
    }
}
