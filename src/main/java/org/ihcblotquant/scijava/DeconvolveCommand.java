package org.ihcblotquant.scijava;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.DeconvolveJob;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Colour deconvolution of an RGB image into three 32-bit optical-density images (settings in their Info). */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Colour Deconvolution (script)")
public class DeconvolveCommand implements Command {

    @Parameter(persist = false)
    private ImagePlus image;

    @Parameter(persist = false, required = false)
    private String stain = "H DAB";

    @Parameter(persist = false, required = false)
    private String vectors = "";

    @Parameter(persist = false, choices = {"cross product", "complement"}, required = false)
    private String third = "cross product";

    @Parameter(persist = false, required = false)
    private String background = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "first stain (OD)")
    private ImagePlus od1;

    @Parameter(type = ItemIO.OUTPUT, label = "second stain (OD)")
    private ImagePlus od2;

    @Parameter(type = ItemIO.OUTPUT, label = "third stain or residual (OD)")
    private ImagePlus od3;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            if (image == null) {
                throw StainParameters.noImage();
            }
            if (image.getType() != ImagePlus.COLOR_RGB) {
                throw new org.ihcblotquant.core.InputException(image.getTitle() + ": not an RGB colour image ("
                        + image.getBitDepth() + "-bit); colour deconvolution needs RGB");
            }
            DeconvolveJob.Outcome o = new DeconvolveJob().run(DeconvolveJob.Request.ofImage(image.getTitle(),
                    (ColorProcessor) image.getProcessor(), StainParameters.vectors(stain, vectors),
                    StainParameters.third(third), StainParameters.background(background), "Colour Deconvolution (script)"),
                    ProgressListener.NONE);
            ImagePlus[] out = new ImagePlus[3];
            for (int k = 0; k < 3; k++) {
                out[k] = new ImagePlus(image.getTitle() + "-" + o.stains().get(k), o.images().get(k));
                out[k].setCalibration(image.getCalibration());
                out[k].setProperty("Info", o.infos().get(k));
            }
            od1 = out[0];
            od2 = out[1];
            od3 = out[2];
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Colour Deconvolution", e, IhcScoreCommand.SPELLING);
        }
    }
}
