package org.ihcblotquant.cells;

/**
 * Shape tools for one blob held in a small local byte image with a one-pixel background frame
 * (255 = blob): solidity and roundness tests that tell a single nucleus from several, hole
 * filling, and labelling of the pieces a watershed leaves.
 */
final class BlobShapes {

    private BlobShapes() {
    }

    /**
     * Blobs at least this solid (area / convex hull area) are one nucleus: two overlapping nuclei
     * leave a notch on each side of their contact that lowers the solidity below it. Skipping the
     * watershed for them saves most of its cost without changing what is split.
     */
    static final double SOLID = 0.95;
    /** Blobs with less area than this many times the area of their widest inscribed disc are one nucleus. */
    static final double ROUND = 1.5;

    /** Area over the area of the convex hull of the pixel squares (row ends as hull points). */
    static double solidity(byte[] local, int lw, int lh, int area) {
        int[] xs = new int[4 * lh];
        int[] ys = new int[4 * lh];
        int n = 0;
        for (int y = 0; y < lh; y++) {
            int first = -1;
            int last = -1;
            for (int x = 0; x < lw; x++) {
                if (local[y * lw + x] != 0) {
                    if (first < 0) {
                        first = x;
                    }
                    last = x;
                }
            }
            if (first >= 0) {
                // corners of the end pixels, so a one-pixel row still spans its square
                xs[n] = first;
                ys[n++] = y;
                xs[n] = first;
                ys[n++] = y + 1;
                xs[n] = last + 1;
                ys[n++] = y;
                xs[n] = last + 1;
                ys[n++] = y + 1;
            }
        }
        double hull = hullArea(xs, ys, n);
        return hull <= 0 ? 1 : area / hull;
    }

    /** Area of the convex hull (Andrew's monotone chain). */
    private static double hullArea(int[] xs, int[] ys, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> xs[a] != xs[b] ? Integer.compare(xs[a], xs[b]) : Integer.compare(ys[a], ys[b]));
        int[] hull = new int[2 * n];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = k;
            for (int j = 0; j < n; j++) {
                int i = idx[pass == 0 ? j : n - 1 - j];
                while (k >= start + 2 && cross(xs, ys, hull[k - 2], hull[k - 1], i) <= 0) {
                    k--;
                }
                hull[k++] = i;
            }
            k--;
        }
        double twice = 0;
        for (int i = 0; i < k; i++) {
            int a = hull[i];
            int b = hull[(i + 1) % k];
            twice += (double) xs[a] * ys[b] - (double) xs[b] * ys[a];
        }
        return Math.abs(twice) / 2;
    }

    private static long cross(int[] xs, int[] ys, int o, int a, int b) {
        return (long) (xs[a] - xs[o]) * (ys[b] - ys[o]) - (long) (ys[a] - ys[o]) * (xs[b] - xs[o]);
    }

    /** Sets the background pixels not connected to the border to 255; returns how many. */
    static int fillHoles(byte[] local, int lw, int lh) {
        // the 1-pixel frame is background, so one flood from the corner reaches all outside pixels
        byte[] outside = new byte[local.length];
        int[] stack = new int[Math.max(16, 2 * (lw + lh))];
        int count = 0;
        stack[count++] = 0;
        outside[0] = 1;
        while (count > 0) {
            int p = stack[--count];
            int x = p % lw;
            int y = p / lw;
            int[] nb = {x > 0 ? p - 1 : -1, x < lw - 1 ? p + 1 : -1, y > 0 ? p - lw : -1, y < lh - 1 ? p + lw : -1};
            for (int q : nb) {
                if (q >= 0 && outside[q] == 0 && local[q] == 0) {
                    outside[q] = 1;
                    if (count == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, count * 2);
                    }
                    stack[count++] = q;
                }
            }
        }
        int filled = 0;
        for (int i = 0; i < local.length; i++) {
            if (local[i] == 0 && outside[i] == 0) {
                local[i] = (byte) 255;
                filled++;
            }
        }
        return filled;
    }

    /**
     * Labels the 4-connected pieces left by the watershed lines, then gives each line pixel of
     * the blob to a neighbouring piece so that splitting loses no area.
     */
    static int labelPieces(byte[] local, byte[] seg, int[] piece, int lw, int lh) {
        int pieces = 0;
        int[] stack = new int[64];
        for (int start = 0; start < local.length; start++) {
            if (local[start] == 0 || seg[start] == 0 || piece[start] != 0) {
                continue;
            }
            pieces++;
            int count = 0;
            stack[count++] = start;
            piece[start] = pieces;
            while (count > 0) {
                int p = stack[--count];
                int x = p % lw;
                int y = p / lw;
                int[] nb = {x > 0 ? p - 1 : -1, x < lw - 1 ? p + 1 : -1, y > 0 ? p - lw : -1,
                    y < lh - 1 ? p + lw : -1};
                for (int q : nb) {
                    if (q >= 0 && piece[q] == 0 && local[q] != 0 && seg[q] != 0) {
                        piece[q] = pieces;
                        if (count == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, count * 2);
                        }
                        stack[count++] = q;
                    }
                }
            }
        }
        for (int i = 0; i < local.length; i++) {
            if (local[i] != 0 && piece[i] == 0) {
                int x = i % lw;
                int k = 0;
                if (x > 0 && piece[i - 1] > 0) {
                    k = piece[i - 1];
                } else if (i >= lw && piece[i - lw] > 0) {
                    k = piece[i - lw];
                } else if (x < lw - 1 && piece[i + 1] > 0) {
                    k = piece[i + 1];
                } else if (i + lw < local.length && piece[i + lw] > 0) {
                    k = piece[i + lw];
                }
                piece[i] = k;
            }
        }
        return pieces;
    }
}
