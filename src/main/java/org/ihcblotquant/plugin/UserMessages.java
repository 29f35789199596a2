package org.ihcblotquant.plugin;

import java.io.UncheckedIOException;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;

/**
 * The one error policy of the Fiji commands (IHC, blot and statistics alike):
 * <ul>
 * <li>a person who clicked the command gets a dialog;</li>
 * <li>a macro gets the message once (the Log, or standard error when ImageJ has no window, as in
 * {@code ImageJ -batch}), never a dialog in batch mode, and the macro stops there: the lines
 * after the failing call would work on missing results;</li>
 * <li>an invalid field is named by its macro key ({@code thresholds=}), through the command's
 * {@link FieldSpelling}.</li>
 * </ul>
 */
final class UserMessages {
    /** What a Fiji user does when Java runs out of memory. */
    static final String MEMORY_ADVICE = "give ImageJ more memory in Edit > Options > Memory & Threads";

    private UserMessages() {
    }

    /** The current image, or null after reporting that {@code command} needs one. */
    static ImagePlus currentImage(String command) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            error(command, "no image open; open the image to analyse first");
        }
        return imp;
    }

    /**
     * The current image when it is RGB; otherwise reports that {@code command} needs an RGB
     * brightfield image (or any image) and returns null.
     */
    static ImagePlus currentRgbImage(String command) {
        ImagePlus imp = currentImage(command);
        if (imp == null) {
            return null;
        }
        if (imp.getType() != ImagePlus.COLOR_RGB) {
            error(command, imp.getTitle() + ": not an RGB colour image (" + imp.getBitDepth()
                    + "-bit); " + command + " needs a brightfield RGB image");
            return null;
        }
        return imp;
    }

    /**
     * Reports what went wrong in a command: user-fixable problems by their message, fields by
     * their macro key, lack of memory with Fiji's remedy, anything else with its type (a bug).
     */
    static void report(String command, Throwable e, FieldSpelling spelling) {
        if (e instanceof CancelledException) {
            IJ.showStatus(command + " cancelled; nothing written");
            stopMacro();
            return;
        }
        error(command, describe(e, spelling));
    }

    /** The message a user reads for {@code e}. */
    static String describe(Throwable e, FieldSpelling spelling) {
        if (e instanceof FieldException) {
            return ((FieldException) e).render(spelling);
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; " + MEMORY_ADVICE;
        }
        if (e instanceof InputException || e instanceof UncheckedIOException) {
            return e.getMessage() + (e.getMessage().contains(IhcAnalysis.TOO_LARGE) ? "; " + MEMORY_ADVICE : "");
        }
        return e.toString();
    }

    /** Reports a problem under the policy above and stops a running macro. */
    static void error(String title, String message) {
        boolean macro = isMacro();
        if (!macro || IJ.getInstance() != null && !Interpreter.isBatchMode()) {
            IJ.error(title, message);
        } else if (IJ.getInstance() == null) {
            // no ImageJ window (ImageJ -batch, headless): the Log would only echo to stdout
            System.err.println(title + ": " + message);
        } else {
            IJ.log(title + ": " + message);
        }
        if (macro) {
            stopMacro();
        }
    }

    /** A warning: the Log (standard error without an ImageJ window); never a dialog. */
    static void warn(String title, String message) {
        if (IJ.getInstance() == null) {
            System.err.println(title + " warning: " + message);
        } else {
            IJ.log(title + " warning: " + message);
        }
    }

    private static boolean isMacro() {
        return Interpreter.getInstance() != null || IJ.isMacro();
    }

    private static void stopMacro() {
        Interpreter interp = Interpreter.getInstance();
        if (interp != null) {
            interp.abortMacro();
        }
    }
}
