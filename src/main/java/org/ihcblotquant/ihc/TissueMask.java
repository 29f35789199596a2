package org.ihcblotquant.ihc;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.OpticalDensity;

/**
 * Builds the cleaned tissue mask of {@link TissueMaskSettings}: total OD (sum of channel ODs under
 * the image's background), Gaussian smoothing, threshold (a tissue pixel's smoothed OD reaches the
 * threshold and its own OD at least half of it, so edges do not grow onto the glass), removal of 8-connected tissue pieces
 * below the minimum area, filling of 4-connected holes (background not reaching the image edge)
 * below the maximum area.
 */
public final class TissueMask {

    private TissueMask() {
    }

    /** 1 where tissue, 0 elsewhere. */
    public static byte[] build(int[] rgb, int width, int height, Background bg, double tissueOd,
            TissueMaskSettings s) {
        float[] tr = table(bg.r());
        float[] tg = table(bg.g());
        float[] tb = table(bg.b());
        float[] od = new float[rgb.length];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int i = y * width; i < (y + 1) * width; i++) {
                int p = rgb[i];
                od[i] = tr[(p >> 16) & 0xff] + tg[(p >> 8) & 0xff] + tb[p & 0xff];
            }
        });
        float[] smooth = s.sigmaPx() >= 0.3 ? blur(od, width, height, s.sigmaPx()) : od;
        byte[] mask = new byte[rgb.length];
        float t = (float) tissueOd;
        float half = t / 2;
        // smoothing bridges noise dips in pale stroma; a pixel darker than half the threshold is still
        // needed, so the blur does not spread tissue onto the glass along every edge
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (smooth[i] >= t && od[i] >= half ? 1 : 0);
        }
        if (s.minSpeckPx() >= 1) {
            removeSmall(mask, width, height, (byte) 1, true, s.minSpeckPx(), false);
        }
        if (s.maxHolePx() >= 1) {
            removeSmall(mask, width, height, (byte) 0, false, s.maxHolePx(), true);
        }
        return mask;
    }

    private static float[] table(double i0) {
        double[] d = OpticalDensity.table(i0);
        float[] f = new float[256];
        for (int v = 0; v < 256; v++) {
            f[v] = (float) d[v];
        }
        return f;
    }

    /**
     * Flips components of {@code value} smaller than {@code limit} pixels to the other value.
     * With {@code keepEdge}, components touching the image edge are kept (holes are enclosed).
     */
    private static void removeSmall(byte[] mask, int w, int h, byte value, boolean eight, double limit,
            boolean keepEdge) {
        byte[] seen = new byte[mask.length];
        int[] stack = new int[1024];
        int[] members = new int[1024];
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] != value || seen[start] != 0) {
                continue;
            }
            int count = 0;
            int n = 0;
            boolean edge = false;
            stack[count++] = start;
            seen[start] = 1;
            while (count > 0) {
                int p = stack[--count];
                // members are only needed while the component may still be below the limit
                if (n < limit) {
                    if (n == members.length) {
                        members = Arrays.copyOf(members, n * 2);
                    }
                    members[n] = p;
                }
                n++;
                int x = p % w;
                int y = p / w;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    edge = true;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (mask[q] == value && seen[q] == 0) {
                            seen[q] = 1;
                            if (count == stack.length) {
                                stack = Arrays.copyOf(stack, count * 2);
                            }
                            stack[count++] = q;
                        }
                    }
                }
            }
            if (n < limit && !(keepEdge && edge)) {
                for (int k = 0; k < n; k++) {
                    mask[members[k]] = (byte) (1 - value);
                }
            }
        }
    }

    /** Separable Gaussian, edges repeated, rows in parallel. */
    static float[] blur(float[] in, int w, int h, double sigma) {
        int r = (int) Math.ceil(2.5 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[in.length];
        IntStream.range(0, h).parallel().forEach(y -> {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int j = -r; j <= r; j++) {
                    int xx = Math.min(w - 1, Math.max(0, x + j));
                    s += k[j + r] * in[row + xx];
                }
                tmp[row + x] = s;
            }
        });
        float[] out = new float[in.length];
        IntStream.range(0, h).parallel().forEach(y -> {
            int row = y * w;
            for (int j = -r; j <= r; j++) {
                int src = Math.min(h - 1, Math.max(0, y + j)) * w;
                float c = k[j + r];
                for (int x = 0; x < w; x++) {
                    out[row + x] += c * tmp[src + x];
                }
            }
        });
        return out;
    }
}
