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

    static void error(String title, String message) {
        if (IJ.getInstance() != null && !Interpreter.isBatchMode()) {
            IJ.error(title, message);
        } else {
            System.err.println(title + ": " + message);
            IJ.log(title + ": " + message);
        }
    }
}
