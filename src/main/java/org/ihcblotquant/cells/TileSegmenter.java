package org.ihcblotquant.cells;

import java.util.ArrayList;
import java.util.List;

import ij.gui.Wand;
import ij.plugin.filter.EDM;
import ij.plugin.filter.MaximumFinder;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * Detects and measures the nuclei of one tile (a rectangle of the image with a margin around its
 * core, so that nuclei and cells crossing the core's edge are seen whole). Keeps the nuclei whose
 * centroid lies in the core; the neighbouring tile keeps the others.
 *
 * <p>Steps: hematoxylin OD by lookup tables; Gaussian smoothing; threshold; 8-connected blobs with
 * their holes filled; blobs that may hold more than one nucleus are split by ImageJ's
 * distance-transform watershed ({@link EDM#makeFloatEDM} and {@link MaximumFinder} with
 * segmented output, the method of Process &gt; Binary &gt; Watershed) with the split prominence of
 * the settings; pieces within the area limits are nuclei. Cells: every tissue pixel within the
 * expansion distance goes to the nearest nucleus (two-pass chamfer propagation of nucleus labels,
 * glass blocks it).</p>
 */
final class TileSegmenter {
    private final int[] rgb;
    private final int imageWidth;
    private final byte[] mask;
    private final CellSettings settings;
    private final CellCalibration.OdTables tables;
    private final double nucleusOd;
    private final double tissueOd;
    private final float[] kernel;
    private final boolean outlines;
    private final boolean rings;

    TileSegmenter(int[] rgb, int imageWidth, byte[] mask, CellSettings settings, CellCalibration cal,
            boolean outlines, boolean rings) {
        this.rings = rings;
        this.rgb = rgb;
        this.imageWidth = imageWidth;
        this.mask = mask;
        this.settings = settings;
        this.tables = new CellCalibration.OdTables(settings.stain().matrix(), cal.background,
                settings.stain().vectors().counterstainIndex(), settings.stain().vectors().chromogenIndex());
        this.nucleusOd = cal.nucleusOd;
        this.tissueOd = cal.tissueOd;
        this.kernel = gaussian(settings.sigmaPx());
        this.outlines = outlines;
    }

    /**
     * @param x0 tile rectangle with margin (image pixels)
     * @param cx0 core rectangle: nuclei with centroids in [cx0, cx1) x [cy0, cy1) are kept
     */
    List<Nucleus> segment(int x0, int y0, int w, int h, int cx0, int cy0, int cx1, int cy1) {
        int n = w * h;
        float[] hema = new float[n];
        byte[] tissue = new byte[n];
        for (int y = 0; y < h; y++) {
            int src = (y0 + y) * imageWidth + x0;
            int dst = y * w;
            for (int x = 0; x < w; x++) {
                int p = rgb[src + x];
                hema[dst + x] = tables.hema(p);
                boolean inMask = mask == null || mask[src + x] != 0;
                tissue[dst + x] = (byte) (inMask && tables.total(p) >= tissueOd ? 1 : 0);
            }
        }
        float[] smooth = smooth(hema, w, h);
        int[] labels = new int[n];
        List<int[]> regions = findNuclei(smooth, tissue, labels, w, h);
        float[] dist = expand(labels, tissue, w, h);
        return measure(regions, hema, labels, dist, x0, y0, w, h, cx0, cy0, cx1, cy1);
    }

    // ---- smoothing

    static float[] gaussian(double sigma) {
        if (sigma < 0.3) {
            return new float[] {1};
        }
        int r = (int) Math.ceil(2.5 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-i * i / (2 * sigma * sigma));
            k[i + r] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Separable Gaussian with edge pixels repeated. */
    private float[] smooth(float[] in, int w, int h) {
        int r = kernel.length / 2;
        if (r == 0) {
            return in;
        }
        float[] tmp = new float[in.length];
        float[] padded = new float[w + 2 * r];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            System.arraycopy(in, row, padded, r, w);
            for (int i = 0; i < r; i++) {
                padded[i] = in[row];
                padded[r + w + i] = in[row + w - 1];
            }
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int k = 0; k < kernel.length; k++) {
                    s += kernel[k] * padded[x + k];
                }
                tmp[row + x] = s;
            }
        }
        float[] out = new float[in.length];
        int[] src = new int[kernel.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int k = 0; k < kernel.length; k++) {
                src[k] = Math.min(h - 1, Math.max(0, y + k - r)) * w;
            }
            // one write per pixel; the kernel's rows are read side by side
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int k = 0; k < kernel.length; k++) {
                    sum += kernel[k] * tmp[src[k] + x];
                }
                out[row + x] = sum;
            }
        }
        return out;
    }

    // ---- nuclei

    /**
     * Labels nuclei (1, 2, ...) into {@code labels}; returns, per label, its pixel indices in the
     * tile (index 0 = label 1).
     */
    private List<int[]> findNuclei(float[] smooth, byte[] tissue, int[] labels, int w, int h) {
        int n = w * h;
        byte[] fg = new byte[n];
        float thr = (float) nucleusOd;
        for (int i = 0; i < n; i++) {
            fg[i] = (byte) (smooth[i] >= thr && tissue[i] != 0 ? 1 : 0);
        }
        List<int[]> nuclei = new ArrayList<>();
        int[] stack = new int[64];
        int minPx = (int) Math.ceil(settings.minAreaPx());
        double maxPx = settings.maxAreaPx();
        for (int start = 0; start < n; start++) {
            if (fg[start] != 1) {
                continue;
            }
            // 8-connected blob by flood fill; visited pixels become 2
            int count = 0;
            stack[count++] = start;
            fg[start] = 2;
            int[] pixels = new int[64];
            int np = 0;
            int bx0 = Integer.MAX_VALUE;
            int by0 = Integer.MAX_VALUE;
            int bx1 = -1;
            int by1 = -1;
            while (count > 0) {
                int p = stack[--count];
                if (np == pixels.length) {
                    pixels = java.util.Arrays.copyOf(pixels, np * 2);
                }
                pixels[np++] = p;
                int px = p % w;
                int py = p / w;
                bx0 = Math.min(bx0, px);
                bx1 = Math.max(bx1, px);
                by0 = Math.min(by0, py);
                by1 = Math.max(by1, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = py + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = px + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (fg[q] == 1) {
                            fg[q] = 2;
                            if (count == stack.length) {
                                stack = java.util.Arrays.copyOf(stack, count * 2);
                            }
                            stack[count++] = q;
                        }
                    }
                }
            }
            if (np < minPx) {
                continue;
            }
            splitBlob(pixels, np, bx0, by0, bx1, by1, w, fg, labels, nuclei, minPx, maxPx);
        }
        return nuclei;
    }

    /** Fills the blob's holes, splits it if it may hold several nuclei, labels the pieces in range. */
    private void splitBlob(int[] pixels, int np, int bx0, int by0, int bx1, int by1, int w, byte[] fg,
            int[] labels, List<int[]> nuclei, int minPx, double maxPx) {
        int lw = bx1 - bx0 + 3;
        int lh = by1 - by0 + 3;
        byte[] local = new byte[lw * lh];
        for (int k = 0; k < np; k++) {
            int p = pixels[k];
            local[(p / w - by0 + 1) * lw + (p % w - bx0 + 1)] = (byte) 255;
        }
        int filled = BlobShapes.fillHoles(local, lw, lh);
        int area = np + filled;
        int[] piece = new int[lw * lh];
        int pieces;
        FloatProcessor edm = null;
        if (settings.splitPx() > 0 && area >= 2 * minPx && BlobShapes.solidity(local, lw, lh, area) < BlobShapes.SOLID) {
            edm = new EDM().makeFloatEDM(new ByteProcessor(lw, lh, local), 0, false);
            // one nucleus fills at most an ellipse of axis ratio 2:3 around its widest inscribed disc;
            // more area than that may be two nuclei and goes through the watershed
            double r = edm.getMax();
            if (area < BlobShapes.ROUND * Math.PI * r * r) {
                edm = null;
            }
        }
        if (edm != null) {
            ByteProcessor seg = new MaximumFinder().findMaxima(edm, settings.splitPx(), ImageProcessor.NO_THRESHOLD,
                    MaximumFinder.SEGMENTED, false, true);
            byte[] sp = (byte[]) seg.getPixels();
            pieces = BlobShapes.labelPieces(local, sp, piece, lw, lh);
        } else {
            pieces = 0;
            for (int i = 0; i < local.length; i++) {
                if (local[i] != 0) {
                    piece[i] = 1;
                    pieces = 1;
                }
            }
        }
        if (pieces == 0) {
            return;
        }
        int[] sizes = new int[pieces + 1];
        for (int v : piece) {
            sizes[v]++;
        }
        int[] labelOf = new int[pieces + 1];
        int[][] lists = new int[pieces + 1][];
        for (int k = 1; k <= pieces; k++) {
            if (sizes[k] >= minPx && sizes[k] <= maxPx) {
                nuclei.add(lists[k] = new int[sizes[k]]);
                labelOf[k] = nuclei.size();
            }
        }
        int[] fillCount = new int[pieces + 1];
        for (int ly = 1; ly < lh - 1; ly++) {
            for (int lx = 1; lx < lw - 1; lx++) {
                int k = piece[ly * lw + lx];
                if (k > 0 && labelOf[k] > 0) {
                    int p = (ly - 1 + by0) * w + (lx - 1 + bx0);
                    labels[p] = labelOf[k];
                    lists[k][fillCount[k]++] = p;
                }
            }
        }
    }

    // ---- cells

    /**
     * Propagates nucleus labels over tissue up to the expansion distance (chamfer 1/sqrt 2, two
     * passes). Returns the distance of every pixel to its nucleus (0 inside, +inf unreached);
     * {@code labels} then holds -label for ring pixels.
     */
    private float[] expand(int[] labels, byte[] tissue, int w, int h) {
        int n = w * h;
        float[] dist = new float[n];
        float max = (float) settings.expansionPx();
        if (max <= 0 || !rings) {
            java.util.Arrays.fill(dist, Float.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if (labels[i] > 0) {
                    dist[i] = 0;
                }
            }
            return dist;
        }
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] > 0) {
                lab[i] = labels[i];
            } else {
                dist[i] = Float.POSITIVE_INFINITY;
            }
        }
        final float d1 = 1f;
        final float d2 = (float) Math.sqrt(2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (tissue[i] == 0 || dist[i] == 0) {
                    continue;
                }
                float best = dist[i];
                int bl = lab[i];
                if (x > 0 && dist[i - 1] + d1 < best) {
                    best = dist[i - 1] + d1;
                    bl = lab[i - 1];
                }
                if (y > 0) {
                    int u = i - w;
                    if (dist[u] + d1 < best) {
                        best = dist[u] + d1;
                        bl = lab[u];
                    }
                    if (x > 0 && dist[u - 1] + d2 < best) {
                        best = dist[u - 1] + d2;
                        bl = lab[u - 1];
                    }
                    if (x < w - 1 && dist[u + 1] + d2 < best) {
                        best = dist[u + 1] + d2;
                        bl = lab[u + 1];
                    }
                }
                if (best <= max) {
                    dist[i] = best;
                    lab[i] = bl;
                }
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (tissue[i] == 0 || dist[i] == 0) {
                    continue;
                }
                float best = dist[i];
                int bl = lab[i];
                if (x < w - 1 && dist[i + 1] + d1 < best) {
                    best = dist[i + 1] + d1;
                    bl = lab[i + 1];
                }
                if (y < h - 1) {
                    int dn = i + w;
                    if (dist[dn] + d1 < best) {
                        best = dist[dn] + d1;
                        bl = lab[dn];
                    }
                    if (x < w - 1 && dist[dn + 1] + d2 < best) {
                        best = dist[dn + 1] + d2;
                        bl = lab[dn + 1];
                    }
                    if (x > 0 && dist[dn - 1] + d2 < best) {
                        best = dist[dn - 1] + d2;
                        bl = lab[dn - 1];
                    }
                }
                if (best <= max) {
                    dist[i] = best;
                    lab[i] = bl;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] == 0 && lab[i] > 0 && dist[i] <= max) {
                labels[i] = -lab[i];
            }
        }
        return dist;
    }

    // ---- measurement

    private List<Nucleus> measure(List<int[]> regions, float[] hema, int[] labels, float[] dist, int x0, int y0,
            int w, int h, int cx0, int cy0, int cx1, int cy1) {
        int count = regions.size();
        int[] ringN = new int[count + 1];
        double[] ringSum = new double[count + 1];
        double[] ringMax = new double[count + 1];
        java.util.Arrays.fill(ringMax, Double.NEGATIVE_INFINITY);
        for (int y = 0; y < h; y++) {
            int src = (y0 + y) * imageWidth + x0;
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                if (l < 0) {
                    double d = tables.dab(rgb[src + x]);
                    ringN[-l]++;
                    ringSum[-l] += d;
                    if (d > ringMax[-l]) {
                        ringMax[-l] = d;
                    }
                }
            }
        }
        FloatProcessor labelImage = null;
        Wand wand = null;
        List<Nucleus> out = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            int[] px = regions.get(k - 1);
            double sx = 0;
            double sy = 0;
            for (int p : px) {
                sx += p % w;
                sy += p / w;
            }
            double cx = x0 + sx / px.length;
            double cy = y0 + sy / px.length;
            if (cx < cx0 || cx >= cx1 || cy < cy0 || cy >= cy1) {
                continue;
            }
            double sh = 0;
            double sd = 0;
            double md = Double.NEGATIVE_INFINITY;
            for (int p : px) {
                sh += hema[p];
                double d = tables.dab(rgb[(y0 + p / w) * imageWidth + x0 + p % w]);
                sd += d;
                if (d > md) {
                    md = d;
                }
            }
            double meanDab = sd / px.length;
            double ringMean = ringN[k] == 0 ? Double.NaN : ringSum[k] / ringN[k];
            double rMax = ringN[k] == 0 ? Double.NaN : ringMax[k];
            int[] ox = null;
            int[] oy = null;
            if (outlines) {
                if (labelImage == null) {
                    float[] lf = new float[w * h];
                    for (int i = 0; i < lf.length; i++) {
                        lf[i] = labels[i] > 0 ? labels[i] : 0;
                    }
                    labelImage = new FloatProcessor(w, h, lf);
                    wand = new Wand(labelImage);
                }
                int first = px[0];
                for (int p : px) {
                    first = Math.min(first, p);
                }
                wand.autoOutline(first % w, first / w, k, k, Wand.EIGHT_CONNECTED);
                ox = new int[wand.npoints];
                oy = new int[wand.npoints];
                for (int i = 0; i < wand.npoints; i++) {
                    ox[i] = wand.xpoints[i] + x0;
                    oy[i] = wand.ypoints[i] + y0;
                }
            }
            Nucleus provisional = new Nucleus(cx, cy, px.length, sh / px.length, meanDab, md, ringN[k], ringMean,
                    rMax, 0, null, null);
            double v = provisional.compartmentDab(settings.compartment());
            int cls = Double.isNaN(v) ? 0 : settings.classOf(v);
            out.add(new Nucleus(cx, cy, px.length, sh / px.length, meanDab, md, ringN[k], ringMean, rMax, cls, ox, oy));
        }
        return out;
    }
}
