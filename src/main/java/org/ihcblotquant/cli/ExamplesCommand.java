package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.ihcblotquant.ihc.ExampleSlides;

/** {@code ihcq examples}: (re)generates the bundled synthetic example data with its ground truth. */
public final class ExamplesCommand implements CliCommand {

    @Override
    public String name() {
        return "examples";
    }

    @Override
    public String summary() {
        return "write the synthetic example images (with ground truth) used by 'demo'";
    }

    @Override
    public String help() {
        return "Usage: ihcq examples [--out DIR]\n\n"
                + "Writes DIR/ihc/P0x_fieldN.png (synthetic Beer-Lambert H-DAB fields of eight patients, two\n"
                + "fields each), DIR/ihc/truth.csv (true tissue fraction, mean DAB OD and H-score of each field)\n"
                + "and DIR/clinical.csv (a made-up clinical sheet: response, os_months, death).\n"
                + "DIR/plates/saos2-reads.csv and saos2-layout.csv: a plate-reader export (CCK-8 OD450 and\n"
                + "Caspase-Glo luminescence of Saos-2 cells, doxorubicin / IL-6 / AG490, triplicates) and its layout.\n\n"
                + "Options:\n"
                + "  --out DIR    folder (default test-images)\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out"), Args.names());
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0));
        }
        Path dir = Paths.get(a.get("out", "test-images"));
        for (Path p : ExampleSlides.write(dir)) {
            out.println("wrote " + p);
        }
        for (Path p : org.ihcblotquant.plate.ExamplePlates.write(dir.resolve("plates"))) {
            out.println("wrote " + p);
        }
        return OK;
    }
}
