package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;

/**
 * Places lanes on a membrane from its column profile: the mean of each column of the region, each
 * image row weighted by how much it varies across the region (so rows crossing bands decide).
 * A narrow flat opening removes lines drawn into the image; a wide one (wider than a lane) removes
 * a sloped or uneven background. Lanes are the prominent peaks left; each lane's centre is the
 * middle of its half-maximum crossings, so unequal spacing is fine; all lanes get the same width
 * (the median width at 5 % of the peak, capped at the median lane spacing), which also absorbs a
 * slight tilt. Lanes whose band is uneven across them give two peaks each; when the whole profile
 * shows that pair pattern the pairs are joined ({@link #pairLobes}). When the lanes are unevenly
 * spaced, the lanes read from the band rows' horizontal extent ({@link BandRowComb}) may replace
 * them; when they are evenly spaced, a finer comb from the band rows may add the faint lanes
 * between them. A lane count or centres given by the user take precedence.
 */
public final class LaneFinder {

    /** Narrowest lane that can be measured, in pixels: decides how many lanes "fit". */
    public static final int MIN_LANE_WIDTH = 4;

    private LaneFinder() {
    }

    /** The lanes, left to right, and what the user should know about how they were placed. */
    public static final class Result {
        public final List<Lane> lanes;
        public final List<String> warnings;

        Result(List<Lane> lanes, List<String> warnings) {
            this.lanes = lanes;
            this.warnings = warnings;
        }
    }

    /**
     * @param source    names the image in error messages
     * @param roi       region holding the lanes (image coordinates)
     * @param requested number of lanes wanted, or 0 to detect
     * @param centres   user-given lane centres (image x), or null
     * @param width     user-given lane width for {@code centres}, or 0 for automatic
     */
    public static Result find(String source, SignalImage img, Rectangle roi, int requested, double[] centres,
            int width) {
        Result r = findByProfile(source, img, roi, requested, centres, width);
        if (requested > 1 && (centres == null || centres.length == 0) && !onePitch(r.lanes)) {
            // the column peaks do not give N lanes of one pitch (two narrow lanes side by side,
            // a lane split by a doublet): one pitch fitted to the bands, each lane then centred
            // on its own band signal
            double[] c = PitchComb.centres(img, roi, requested);
            if (c != null) {
                double minGap = PitchComb.pitch(c, roi);
                for (int i = 1; i < c.length; i++) {
                    minGap = Math.min(minGap, c[i] - c[i - 1]);
                }
                // lanes nearly a pitch wide: a band is often as wide as its lane (touching
                // lanes, overloaded bands), and the background under the rest is taken off anyway
                int w = (int) Math.floor(0.95 * Math.min(PitchComb.pitch(c, roi), minGap));
                if (w >= MIN_LANE_WIDTH) {
                    List<String> warnings = new ArrayList<>(); // the profile's placement notes no longer apply
                    warnings.add(source + ": the column profile's " + requested + " lanes are not evenly spaced; "
                            + requested + " lanes of one pitch (" + Math.round(PitchComb.pitch(c, roi))
                            + " px) fitted to the bands instead");
                    return new Result(fromCentres(source, roi, c, w), warnings);
                }
            }
        }
        return r;
    }

    /** Whether the lanes are of one pitch: every spacing within 15 % of the mean spacing. */
    static boolean onePitch(List<Lane> lanes) {
        int n = lanes.size();
        if (n < 3) {
            return true;
        }
        double pitch = (lanes.get(n - 1).centreX() - lanes.get(0).centreX()) / (n - 1);
        for (int k = 1; k < n; k++) {
            double d = lanes.get(k).centreX() - lanes.get(k - 1).centreX();
            if (Math.abs(d - pitch) > PitchComb.REFINE * pitch) {
                return false;
            }
        }
        return true;
    }

    private static Result findByProfile(String source, SignalImage img, Rectangle roi, int requested,
            double[] centres, int width) {
        List<String> warnings = new ArrayList<>();
        if (centres != null && centres.length > 0) {
            return new Result(fromCentres(source, roi, centres, width), warnings);
        }
        int maxFit = roi.width / MIN_LANE_WIDTH;
        if (requested > maxFit) {
            throw FieldException.notFitting("lanes", requested + ": more lanes than fit in " + source + " (region "
                    + roi.width + " px wide holds at most " + maxFit + " lanes of " + MIN_LANE_WIDTH + " px)");
        }
        // a flat opening a few pixels wide removes lines drawn into the image (crop boxes,
        // annotations), which are narrower than any lane
        double[] rawProfile = columnProfile(img, roi);
        double[] profile = Profiles.opening(rawProfile, Math.max(2, roi.width / 400));
        double[] base = Profiles.opening(profile, Math.max(3, roi.width / 6));
        double[] resid = new double[profile.length];
        for (int i = 0; i < resid.length; i++) {
            resid[i] = profile[i] - base[i];
        }
        // noise from the profile before the line-removing opening, which flattens it
        double noise = Profiles.noise(rawProfile);
        double[] d = Profiles.smooth(resid, Math.max(1.0, roi.width / 400.0));
        List<Profiles.Peak> all = Profiles.peaks(d);
        List<Profiles.Peak> strong = select(all, noise);
        List<int[]> spans = null;
        if (requested == 0) {
            strong = fillGaps(strong, all, noise);
            spans = pairLobes(strong, d);
        }
        List<Profiles.Peak> detected = strong;
        if (requested > 0) {
            strong = adjustToCount(source, strong, all, noise, requested, roi.width, warnings);
        }
        if (strong == null && requested > 1 && detected.size() >= 2) {
            double[] c = comb(detected, requested, roi);
            if (c != null) {
                warnings.add(source + ": only " + detected.size() + " of the " + requested + " lanes stand out; "
                        + requested + " equally spaced lanes placed in line with them (x = " + Math.round(c[0])
                        + " to " + Math.round(c[requested - 1]) + ")");
                return new Result(fromCentres(source, roi, c, 0), warnings);
            }
        }
        if (strong == null) {
            // could not find the requested lanes: equal lanes across the region, as asked
            warnings.add(source + ": only part of the " + requested + " lanes could be located; " + requested
                    + " equal lanes placed across the region");
            return new Result(equalLanes(roi, requested), warnings);
        }
        if (strong.isEmpty()) {
            throw new InputException(source + ": no lanes detected (no column stands out from the background);"
                    + " check the polarity, choose the membrane as the region, or give the number of lanes");
        }
        if (spans == null) {
            spans = singles(strong);
        }
        List<Lane> placed = place(spans, profile, roi);
        if (requested == 0 && !regular(spans)) {
            List<Lane> byBands = fromBandRows(placed, img, roi);
            if (byBands != null) {
                return new Result(byBands, warnings);
            }
        } else if (requested == 0 && placed.size() >= 2) {
            List<Lane> finer = finerComb(placed, img, roi);
            if (finer != null) {
                return new Result(finer, warnings);
            }
        }
        return new Result(placed, warnings);
    }

    /** Whether the lanes are evenly spaced: every gap within 25 % of the median gap. */
    private static boolean regular(List<int[]> spans) {
        if (spans.size() < 3) {
            return true;
        }
        double[] gaps = new double[spans.size() - 1];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = 0.5 * (spans.get(k + 1)[0] + spans.get(k + 1)[1] - spans.get(k)[0] - spans.get(k)[1]);
        }
        return within(gaps, 0.25);
    }

    /**
     * Unevenly spaced lanes may be a regular gel whose column profile misleads (faint lanes beside
     * strong ones, lanes touching, torn edges, lanes without a band in most rows): the lanes read
     * from the band rows ({@link BandRowComb}) are taken, plus the lanes of the profile that lie
     * off that comb (at least 0.65 pitch from every comb lane: a ladder, an edge lane). A profile
     * lane within 0.35 pitch of a comb lane is that lane; one 0.35 to 0.65 pitch off is taken for a
     * misplaced reading of the comb lanes beside it (a peak between two touching lanes) and left
     * out. Used only when this gives more lanes, at most a third of the profile lanes are left out
     * and the comb's pitch is at least 0.45 of the profile's median lane spacing; null otherwise.
     */
    private static List<Lane> fromBandRows(List<Lane> placed, SignalImage img, Rectangle roi) {
        BandRowComb.Comb comb = BandRowComb.find(img, roi);
        if (comb == null || placed.size() < 2) {
            return null;
        }
        double[] gaps = new double[placed.size() - 1];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = placed.get(k + 1).centreX() - placed.get(k).centreX();
        }
        if (comb.pitch < 0.45 * Profiles.median(gaps)) {
            return null; // a fine texture, not lanes: at most about two comb lanes per profile lane
        }
        List<Double> centres = new ArrayList<>();
        for (double x : comb.centres) {
            centres.add(x);
        }
        int between = 0;
        for (Lane lane : placed) {
            double c = lane.centreX() - roi.x;
            double nearest = Double.POSITIVE_INFINITY;
            for (double x : comb.centres) {
                nearest = Math.min(nearest, Math.abs(x - c));
            }
            if (nearest >= 0.65 * comb.pitch) {
                centres.add(c);
            } else if (nearest > 0.35 * comb.pitch) {
                between++;
            }
        }
        if (3 * between > placed.size()) {
            return null;
        }
        if (centres.size() <= placed.size()) {
            return null;
        }
        Collections.sort(centres);
        double minGap = comb.width;
        for (int k = 1; k < centres.size(); k++) {
            minGap = Math.min(minGap, centres.get(k) - centres.get(k - 1));
        }
        int lw = Math.max(MIN_LANE_WIDTH, (int) Math.round(Math.min(comb.width, minGap)));
        List<Lane> lanes = new ArrayList<>();
        for (int k = 0; k < centres.size(); k++) {
            int x0 = (int) Math.round(roi.x + centres.get(k) - lw / 2.0);
            lanes.add(new Lane(k + 1, clip(new Rectangle(x0, roi.y, lw, roi.height), roi)));
        }
        return lanes;
    }

    /**
     * Evenly spaced lanes may be only the strong lanes of a gel, the faint ones between them merged
     * into their shoulders. When the band rows show a finer comb on whose grid every lane found lies
     * (within 0.2 of its pitch), with every spacing of the found lanes a whole number of its
     * pitches (within 0.15) and at least one spacing two or more, the lanes are the comb's lanes plus
     * the found lanes, placed on the grid. Null otherwise.
     */
    private static List<Lane> finerComb(List<Lane> placed, SignalImage img, Rectangle roi) {
        BandRowComb.Comb comb = BandRowComb.find(img, roi);
        if (comb == null) {
            return null;
        }
        double origin = comb.centres[0];
        double p = comb.pitch;
        java.util.TreeSet<Long> index = new java.util.TreeSet<>();
        for (double x : comb.centres) {
            index.add(Math.round((x - origin) / p));
        }
        boolean finer = false;
        long prev = 0;
        for (int k = 0; k < placed.size(); k++) {
            double t = (placed.get(k).centreX() - roi.x - origin) / p;
            if (Math.abs(t - Math.rint(t)) > 0.2) {
                return null;
            }
            long n = Math.round(t);
            if (k > 0) {
                double m = (placed.get(k).centreX() - placed.get(k - 1).centreX()) / p;
                if (Math.abs(m - Math.rint(m)) > 0.15 || n - prev < 1) {
                    return null;
                }
                finer |= n - prev >= 2;
            }
            prev = n;
            index.add(n);
        }
        if (!finer || index.size() <= placed.size()) {
            return null;
        }
        int lw = Math.max(MIN_LANE_WIDTH, (int) Math.round(Math.min(comb.width, p)));
        List<Lane> lanes = new ArrayList<>();
        for (long n : index) {
            int x0 = (int) Math.round(roi.x + origin + n * p - lw / 2.0);
            lanes.add(new Lane(lanes.size() + 1, clip(new Rectangle(x0, roi.y, lw, roi.height), roi)));
        }
        return lanes;
    }

    private static List<int[]> singles(List<Profiles.Peak> peaks) {
        List<int[]> spans = new ArrayList<>();
        for (Profiles.Peak p : peaks) {
            spans.add(new int[] {p.pos, p.pos});
        }
        spans.sort(Comparator.comparingInt(a -> a[0]));
        return spans;
    }

    /**
     * Lanes whose band is uneven across the lane (a doublet darker at its sides, a "smiling"
     * band with two dark ends) give two column peaks each. They show as a pattern: peaks come in
     * pairs joined by a shallow valley (the band continues between its two lobes) while the valley
     * between pairs drops to the membrane. When every other valley of the profile is shallow (on
     * average at least 0.35 of the smaller peak, and at least twice as high as the others), and the
     * pairs are alike (lobe spacings within 30 % of their median) and evenly spaced (lane
     * spacings within 30 % of their median), each pair becomes one lane spanning both lobes.
     * Returns the lanes as [left lobe, right lobe] positions (equal for a single peak).
     */
    static List<int[]> pairLobes(List<Profiles.Peak> peaks, double[] d) {
        List<int[]> single = singles(peaks);
        int n = single.size();
        if (n < 4) {
            return single;
        }
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[i] = single.get(i)[0];
        }
        double[] ratio = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            double v = Double.POSITIVE_INFINITY;
            for (int x = pos[i]; x <= pos[i + 1]; x++) {
                v = Math.min(v, d[x]);
            }
            double top = Math.min(d[pos[i]], d[pos[i + 1]]);
            ratio[i] = top > 0 ? Math.max(0, v) / top : 0;
        }
        List<int[]> best = single;
        double bestContrast = 0;
        for (int phase = 0; phase <= 1; phase++) {
            double within = 0;
            double between = 0;
            int nw = 0;
            int nb = 0;
            for (int i = 0; i < n - 1; i++) {
                if ((i - phase) % 2 == 0 && i >= phase) {
                    within += ratio[i];
                    nw++;
                } else {
                    between += ratio[i];
                    nb++;
                }
            }
            if (nw < 2) {
                continue;
            }
            within /= nw;
            between = nb > 0 ? between / nb : 0;
            if (within < 0.35 || between > 0.5 * within || within - between <= bestContrast) {
                continue;
            }
            List<int[]> spans = new ArrayList<>();
            double[] lobe = new double[nw];
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (i >= phase && (i - phase) % 2 == 0 && i + 1 < n) {
                    spans.add(new int[] {pos[i], pos[i + 1]});
                    lobe[j++] = pos[i + 1] - pos[i];
                    i++;
                } else {
                    spans.add(new int[] {pos[i], pos[i]});
                }
            }
            double[] gaps = new double[spans.size() - 1];
            for (int k = 0; k < gaps.length; k++) {
                gaps[k] = 0.5 * (spans.get(k + 1)[0] + spans.get(k + 1)[1] - spans.get(k)[0] - spans.get(k)[1]);
            }
            if (within(lobe, 0.3) && within(gaps, 0.3)) {
                best = spans;
                bestContrast = within - between;
            }
        }
        return best;
    }

    /** Whether every value lies within {@code tol} (relative) of the median. */
    private static boolean within(double[] v, double tol) {
        double m = Profiles.median(v);
        for (double x : v) {
            if (Math.abs(x - m) > tol * m) {
                return false;
            }
        }
        return true;
    }

    /** Lane strips for the chosen peaks of the (line-free) column profile. */
    private static List<Lane> place(List<int[]> strong, double[] profile, Rectangle roi) {
        int n = strong.size();
        double[] centreX = new double[n];
        double[] widths = new double[n];
        // extents are measured on the smoothed profile above a straight line joining the valleys on
        // either side of the lane, so that a sloped background does not shift the lane
        double[] ps = Profiles.smooth(profile, Math.max(1.0, roi.width / 400.0));
        double reach = n > 1 ? (strong.get(n - 1)[0] - strong.get(0)[0]) / (double) (n - 1) : roi.width / 2.0;
        for (int k = 0; k < n; k++) {
            int pl = strong.get(k)[0];
            int pr = strong.get(k)[1];
            int lo = k > 0 ? valley(ps, strong.get(k - 1)[1], pl)
                    : valley(ps, Math.max(0, (int) (pl - reach)), pl);
            int hi = k < n - 1 ? valley(ps, pr, strong.get(k + 1)[0])
                    : valley(ps, pr, Math.min(ps.length - 1, (int) (pr + reach)));
            double[] local = new double[hi - lo + 1];
            int top = 0;
            for (int i = lo; i <= hi; i++) {
                double line = hi == lo ? ps[lo] : ps[lo] + (ps[hi] - ps[lo]) * (i - lo) / (double) (hi - lo);
                local[i - lo] = ps[i] - line;
                if (local[i - lo] > local[top]) {
                    top = i - lo;
                }
            }
            int topL = top;
            int topR = top;
            if (pr > pl) {
                // two lobes of one lane: the left edge from the left lobe, the right from the right
                int mid = (pl + pr) / 2 - lo;
                topL = 0;
                topR = local.length - 1;
                for (int i = 0; i < local.length; i++) {
                    if (i <= mid && local[i] > local[topL]) {
                        topL = i;
                    }
                    if (i >= mid && local[i] > local[topR]) {
                        topR = i;
                    }
                }
            }
            double hl = local[topL];
            double hr = local[topR];
            int l50 = crossing(local, topL, 0, -1, 0.5 * hl);
            int r50 = crossing(local, topR, local.length - 1, +1, 0.5 * hr);
            int l5 = crossing(local, topL, 0, -1, 0.05 * hl);
            int r5 = crossing(local, topR, local.length - 1, +1, 0.05 * hr);
            double c = 0.5 * (l50 + r50);
            centreX[k] = lo + c;
            // twice the wider half at 5 %: the box keeps the soft band edges (and a slight tilt)
            widths[k] = 2 * Math.max(c - l5, r5 - c) + 1;
        }
        double w = Profiles.median(widths);
        if (n > 1) {
            // the typical spacing, not the closest pair: one crowded pair must not narrow every lane
            double[] gaps = new double[n - 1];
            for (int k = 1; k < n; k++) {
                gaps[k - 1] = centreX[k] - centreX[k - 1];
            }
            w = Math.min(w, Profiles.median(gaps));
        }
        int lw = Math.max(MIN_LANE_WIDTH, (int) Math.round(w));
        List<Lane> lanes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int x0 = (int) Math.round(roi.x + centreX[k] - lw / 2.0);
            lanes.add(new Lane(k + 1, clip(new Rectangle(x0, roi.y, lw, roi.height), roi)));
        }
        return lanes;
    }

    /**
     * Weighted mean signal of each column of the region. Each image row is weighted by how much
     * it varies across the region (its variance above the median row's), so rows that cross bands
     * decide where the lanes are, and plain membrane, film edges and empty scanner bed add nothing.
     */
    static double[] columnProfile(SignalImage img, Rectangle roi) {
        float[] s = img.signal();
        int w = img.width();
        double[] var = new double[roi.height];
        for (int y = 0; y < roi.height; y++) {
            int off = (roi.y + y) * w + roi.x;
            double sum = 0;
            double sq = 0;
            for (int x = 0; x < roi.width; x++) {
                double v = s[off + x];
                sum += v;
                sq += v * v;
            }
            double m = sum / roi.width;
            var[y] = Math.max(0, sq / roi.width - m * m);
        }
        double med = Profiles.median(var);
        double[] weight = new double[roi.height];
        double wsum = 0;
        for (int y = 0; y < roi.height; y++) {
            weight[y] = Math.max(0, var[y] - med);
            wsum += weight[y];
        }
        if (wsum <= 0) {
            java.util.Arrays.fill(weight, 1);
            wsum = roi.height;
        }
        double[] p = new double[roi.width];
        for (int y = 0; y < roi.height; y++) {
            if (weight[y] == 0) {
                continue;
            }
            int off = (roi.y + y) * w + roi.x;
            for (int x = 0; x < roi.width; x++) {
                p[x] += weight[y] * s[off + x];
            }
        }
        for (int x = 0; x < p.length; x++) {
            p[x] /= wsum;
        }
        return p;
    }

    /**
     * Peaks that stand out: prominence above 4 noise SDs and at least 15 % of the second most
     * prominent peak (the second, so that one overloaded lane does not hide the others); peaks
     * closer than half the typical spacing are merged into the stronger.
     */
    private static List<Profiles.Peak> select(List<Profiles.Peak> all, double noise) {
        List<Profiles.Peak> byProm = new ArrayList<>(all);
        byProm.sort((a, b) -> Double.compare(b.prominence, a.prominence));
        if (byProm.isEmpty()) {
            return new ArrayList<>();
        }
        double ref = byProm.size() > 1 ? byProm.get(1).prominence : byProm.get(0).prominence;
        double thr = Math.max(4 * noise, 0.15 * ref);
        List<Profiles.Peak> kept = new ArrayList<>();
        for (Profiles.Peak p : byProm) {
            if (p.prominence >= thr && p.prominence > 0) {
                kept.add(p);
            }
        }
        if (kept.size() >= 3) {
            kept.sort(Comparator.comparingInt(p -> p.pos));
            double[] gaps = new double[kept.size() - 1];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = kept.get(i + 1).pos - kept.get(i).pos;
            }
            double minSep = 0.4 * Profiles.median(gaps);
            kept.sort((a, b) -> Double.compare(b.prominence, a.prominence));
            List<Profiles.Peak> merged = new ArrayList<>();
            for (Profiles.Peak p : kept) {
                boolean near = false;
                for (Profiles.Peak q : merged) {
                    near |= Math.abs(q.pos - p.pos) < minSep;
                }
                if (!near) {
                    merged.add(p);
                }
            }
            kept = merged;
        }
        return kept;
    }

    /**
     * Centres of {@code n} equally spaced lanes in line with the detected ones (the lanes of a gel
     * share one comb). When the detected lanes are evenly spaced (every gap within 25 % of the
     * median), none is missing between them, so the comb keeps their pitch and grows outwards on
     * the side with more room; otherwise it runs from the outermost detected lane to the other.
     * Null when the lanes would not fit.
     */
    private static double[] comb(List<Profiles.Peak> detected, int n, Rectangle roi) {
        List<Profiles.Peak> d = new ArrayList<>(detected);
        d.sort(Comparator.comparingInt(p -> p.pos));
        double[] gaps = new double[d.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = d.get(i + 1).pos - d.get(i).pos;
        }
        double med = Profiles.median(gaps);
        boolean even = true;
        for (double g : gaps) {
            even &= Math.abs(g - med) <= 0.25 * med;
        }
        double first = d.get(0).pos;
        double last = d.get(d.size() - 1).pos;
        double pitch = (last - first) / (n - 1);
        if (even && d.size() < n) {
            pitch = med;
            int missing = n - d.size();
            for (int i = 0; i < missing; i++) {
                if (first >= roi.width - 1 - last) {
                    first -= pitch;
                } else {
                    last += pitch;
                }
            }
            if (first < -pitch / 2 || last > roi.width - 1 + pitch / 2) {
                return null;
            }
        }
        if (pitch < MIN_LANE_WIDTH) {
            return null;
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.max(roi.x, Math.min(roi.x + roi.width - 1, roi.x + first + i * pitch));
        }
        return c;
    }

    /**
     * Weak lanes between strong ones (a faint sample beside overloaded ones): where two lanes are
     * 1.6 or more typical spacings apart, the most prominent smaller peaks (above 4 noise SDs and
     * 3 % of the second strongest lane) that keep 0.45 spacings from every lane are added.
     */
    private static List<Profiles.Peak> fillGaps(List<Profiles.Peak> strong, List<Profiles.Peak> all, double noise) {
        if (strong.size() < 3) {
            return strong;
        }
        List<Profiles.Peak> kept = new ArrayList<>(strong);
        kept.sort(Comparator.comparingInt(p -> p.pos));
        double[] gaps = new double[kept.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = kept.get(i + 1).pos - kept.get(i).pos;
        }
        double spacing = Profiles.median(gaps);
        List<Profiles.Peak> byProm = new ArrayList<>(strong);
        byProm.sort((a, b) -> Double.compare(b.prominence, a.prominence));
        double thr = Math.max(4 * noise, 0.03 * byProm.get(1).prominence);
        List<Profiles.Peak> weak = new ArrayList<>(all);
        weak.sort((a, b) -> Double.compare(b.prominence, a.prominence));
        int first = kept.get(0).pos;
        int last = kept.get(kept.size() - 1).pos;
        for (Profiles.Peak p : weak) {
            if (p.prominence < thr) {
                break;
            }
            if (p.pos <= first || p.pos >= last) {
                continue; // only between lanes: the membrane edges are full of artefacts
            }
            boolean far = true;
            for (Profiles.Peak q : kept) {
                far &= Math.abs(q.pos - p.pos) >= 0.45 * spacing;
            }
            if (far) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * Makes the detected lanes match the requested count: the most prominent when there are too
     * many; lanes inserted in gaps of a whole number of spacings, then weaker peaks, when too few.
     * Returns null when the count cannot be reached.
     */
    private static List<Profiles.Peak> adjustToCount(String source, List<Profiles.Peak> strong, List<Profiles.Peak> all,
            double noise, int requested, int roiWidth, List<String> warnings) {
        List<Profiles.Peak> kept = new ArrayList<>(strong);
        if (kept.size() > requested) {
            // too many peaks: bumps inside lanes (curved bands have two dark ends). Keep the most
            // prominent peaks at least 0.7 of the pitch the requested count implies apart.
            kept.sort((a, b) -> Double.compare(b.prominence, a.prominence));
            if (requested > 1) {
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (Profiles.Peak p : kept) {
                    lo = Math.min(lo, p.pos);
                    hi = Math.max(hi, p.pos);
                }
                double minSep = 0.7 * (hi - lo) / (requested - 1);
                List<Profiles.Peak> apart = new ArrayList<>();
                for (Profiles.Peak p : kept) {
                    boolean near = false;
                    for (Profiles.Peak q : apart) {
                        near |= Math.abs(q.pos - p.pos) < minSep;
                    }
                    if (!near) {
                        apart.add(p);
                    }
                }
                kept = apart;
            }
            if (kept.size() >= requested) {
                return new ArrayList<>(kept.subList(0, requested));
            }
        }
        if (kept.size() == requested) {
            return kept;
        }
        if (kept.size() >= 2) {
            kept.sort(Comparator.comparingInt(p -> p.pos));
            double[] gaps = new double[kept.size() - 1];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = kept.get(i + 1).pos - kept.get(i).pos;
            }
            double spacing = Profiles.percentile(gaps, 0.25);
            List<Profiles.Peak> filled = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                filled.add(kept.get(i));
                if (i + 1 < kept.size()) {
                    double gap = kept.get(i + 1).pos - kept.get(i).pos;
                    int k = (int) Math.round(gap / spacing);
                    for (int j = 1; j < k && filled.size() + (kept.size() - i - 1) < requested; j++) {
                        filled.add(new Profiles.Peak((int) Math.round(kept.get(i).pos + j * gap / k), 0, 0));
                    }
                }
            }
            kept = filled;
            if (kept.size() < requested) {
                // weaker peaks well away from the lanes we have
                List<Profiles.Peak> weak = new ArrayList<>(all);
                weak.sort((a, b) -> Double.compare(b.prominence, a.prominence));
                for (Profiles.Peak p : weak) {
                    if (kept.size() >= requested || p.prominence < 3 * noise) {
                        break;
                    }
                    boolean far = true;
                    for (Profiles.Peak q : kept) {
                        far &= Math.abs(q.pos - p.pos) >= 0.6 * spacing;
                    }
                    if (far) {
                        kept.add(p);
                    }
                }
            }
            if (kept.size() == requested) {
                int placed = 0;
                for (Profiles.Peak p : kept) {
                    placed += strong.contains(p) ? 0 : 1;
                }
                warnings.add(source + ": " + placed + " of the " + requested
                        + " lanes had no clear column peak of their own and were placed by the lane spacing");
                return kept;
            }
        }
        return null;
    }

    private static int valley(double[] d, int a, int b) {
        int best = a;
        for (int i = a; i <= b; i++) {
            if (d[i] < d[best]) {
                best = i;
            }
        }
        return best;
    }

    /** First position from {@code start} towards {@code limit} where d drops below level. */
    private static int crossing(double[] d, int start, int limit, int dir, double level) {
        int i = start;
        while (i != limit && d[i + dir] >= level) {
            i += dir;
        }
        return i;
    }

    private static List<Lane> fromCentres(String source, Rectangle roi, double[] centres, int width) {
        double[] c = centres.clone();
        java.util.Arrays.sort(c);
        for (double x : c) {
            if (x < roi.x || x >= roi.x + roi.width) {
                throw FieldException.notFitting("lane-centres", "x=" + x + " lies outside " + source + " region x "
                        + roi.x + ".." + (roi.x + roi.width - 1));
            }
        }
        int w = width;
        if (w <= 0) {
            double minGap = roi.width;
            for (int i = 1; i < c.length; i++) {
                minGap = Math.min(minGap, c[i] - c[i - 1]);
            }
            w = (int) Math.round(c.length == 1 ? roi.width / 2.0 : 0.8 * minGap);
        }
        if (w < MIN_LANE_WIDTH) {
            throw FieldException.notFitting("lane-centres", "lanes closer than " + MIN_LANE_WIDTH + " px cannot be measured");
        }
        List<Lane> lanes = new ArrayList<>();
        for (int k = 0; k < c.length; k++) {
            int x0 = (int) Math.round(c[k] - w / 2.0);
            lanes.add(new Lane(k + 1, clip(new Rectangle(x0, roi.y, w, roi.height), roi)));
        }
        return lanes;
    }

    private static List<Lane> equalLanes(Rectangle roi, int n) {
        List<Lane> lanes = new ArrayList<>();
        double step = roi.width / (double) n;
        for (int k = 0; k < n; k++) {
            int x0 = (int) Math.round(roi.x + k * step + 0.1 * step);
            int x1 = (int) Math.round(roi.x + (k + 1) * step - 0.1 * step);
            lanes.add(new Lane(k + 1, new Rectangle(x0, roi.y, Math.max(1, x1 - x0), roi.height)));
        }
        return Collections.unmodifiableList(lanes);
    }

    private static Rectangle clip(Rectangle r, Rectangle roi) {
        Rectangle c = r.intersection(roi);
        return c.isEmpty() ? new Rectangle(Math.max(roi.x, Math.min(r.x, roi.x + roi.width - 1)), roi.y, 1, roi.height) : c;
    }
}
