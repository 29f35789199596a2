package org.ihcblotquant.slide;

import java.nio.file.Path;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;

/**
 * Scores slide files for a batch: opens, scores and closes each one; bad input never throws, it
 * becomes a result whose status starts with {@code error:} (the batch goes on).
 */
public final class SlideAnalysis {
    private final IhcSettings settings;
    private final LevelChoice choice;
    private final SlideScorer scorer;

    public SlideAnalysis(IhcSettings settings, LevelChoice choice, int threads) {
        this.settings = settings;
        this.choice = choice;
        this.scorer = new SlideScorer(settings, threads);
    }

    public LevelChoice choice() {
        return choice;
    }

    /** A scored slide, or a failure with {@link #score} null. */
    public static final class Outcome {
        public final IhcImageResult result;
        public final SlideScore score;

        Outcome(IhcImageResult result, SlideScore score) {
            this.result = result;
            this.score = score;
        }
    }

    /** A slide that is not scored: an error row with this message. */
    public static Outcome failed(Path file, IhcSettings settings, String message) {
        String name = file.getFileName().toString();
        return new Outcome(IhcImageResult.failure(name, settings.slideOf(name, null), settings.marker(),
                file + ": " + message), null);
    }

    public Outcome scoreFile(Path file, ProgressListener progress) {
        String name = file.getFileName().toString();
        String slide = settings.slideOf(name, null);
        try (SlideSource src = SlideFiles.open(file)) {
            SlideScore s = scorer.score(src, choice, progress);
            return new Outcome(s.result(), s);
        } catch (CancelledException e) {
            throw e;
        } catch (InputException e) {
            String msg = e.getMessage();
            return new Outcome(IhcImageResult.failure(name, slide, settings.marker(),
                    msg.startsWith(file.toString()) ? msg : file + ": " + msg), null);
        } catch (OutOfMemoryError e) {
            return new Outcome(IhcImageResult.failure(name, slide, settings.marker(),
                    file + ": out of memory while scoring the slide (raise the heap, e.g. JAVA_OPTS=-Xmx2g)"), null);
        }
    }
}
