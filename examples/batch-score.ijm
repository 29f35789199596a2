// batch-score.ijm: scores every whole slide and every image of a folder with the IHC Blot Quant
// menu commands, one file at a time, and saves one table with a row per file. Whole slides (SVS,
// NDPI, OME-TIFF, ... or any TIFF over 200 MB) go through IHC Score Slide, tile by tile at about
// `pixel` um per pixel, never opened whole; other images are opened and go through IHC Score.
//
// From Fiji: Plugins > Macros > Run... asks for the folders. Without a display:
//   ImageJ --headless -batch examples/batch-score.ijm \
//       "input=[/data/slides] output=[/data/out] marker=p-STAT3 thresholds=0.2,0.4,0.6"
// Arguments (all optional except input and output): marker (name in the table), thresholds
// (weak,moderate,strong DAB OD), stain (built-in stain set, default [H DAB]), pixel (um per pixel
// of the slide level to score, default 1).
// Writes OUTPUT/batch-scores.csv (the columns of images.csv) and logs images that failed.

args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
marker = call("ij.Macro.getValue", args, "marker", "");
thresholds = call("ij.Macro.getValue", args, "thresholds", "0.2,0.4,0.6");
stain = call("ij.Macro.getValue", args, "stain", "H DAB");
pixel = call("ij.Macro.getValue", args, "pixel", "1");
if (input == "")
    input = getDirectory("Folder of slide images");
if (output == "")
    output = getDirectory("Folder for the results table");
if (!File.isDirectory(input))
    exit("batch-score: input folder not found: " + input);
if (!File.isDirectory(output))
    File.makeDirectory(output);

setBatchMode(true);
run("Clear Results");
files = getFileList(input);
Array.sort(files);
scored = 0;
for (i = 0; i < files.length; i++) {
    name = files[i];
    lower = toLowerCase(name);
    path = input + File.separator + name;
    slide = matches(lower, ".*\\.(svs|ndpi|scn|vsi|mrxs|ome\\.tif|ome\\.tiff)$")
        || (matches(lower, ".*\\.(tif|tiff)$") && File.length(path) > 200e6);
    if (!slide && !matches(lower, ".*\\.(tif|tiff|png|jpg|jpeg|bmp)$"))
        continue;
    showProgress(i, files.length);
    options = "stain=[" + stain + "] background=auto thresholds=" + thresholds + " tissue=auto";
    if (marker != "")
        options = options + " marker=[" + marker + "]";
    if (slide) {
        // IHC Score Slide reads the file itself and adds a row (with level and pixel size)
        before = nImages;
        run("IHC Score Slide", "open=[" + path + "] level=auto pixel=" + pixel + " " + options);
        while (nImages > before)
            close();   // the overview it shows
        scored++;
        continue;
    }
    open(path);
    if (bitDepth() != 24) {
        print("batch-score: skipped " + name + " (not an RGB image)");
        close();
        continue;
    }
    // IHC Score adds one row per image to the Results table (status says when an image failed)
    run("IHC Score", options);
    close();
    scored++;
}
saveAs("Results", output + File.separator + "batch-scores.csv");
print("batch-score: " + scored + " images scored; table " + output + File.separator + "batch-scores.csv");
