package org.ihcblotquant.cells;

/**
 * One detected nucleus and the cell approximated around it: position, size, stain densities of the
 * nucleus and of the ring between nucleus and cell outline, and its class (0 negative, 1 weak,
 * 2 moderate, 3 strong) on the chosen compartment. Coordinates are image pixels.
 */
public final class Nucleus {
    public final double x;
    public final double y;
    public final int areaPx;
    public final double meanHema;
    public final double meanDab;
    public final double maxDab;
    /** Pixels of the cell ring (cell minus nucleus); 0 when expansion is 0 or no tissue surrounds the nucleus. */
    public final int ringPx;
    /** Mean and max DAB OD of the ring; NaN without ring pixels. */
    public final double ringMeanDab;
    public final double ringMaxDab;
    public final int cellClass;
    /** Outline polygon in image pixels (vertices at pixel corners), or null when not requested. */
    public final int[] outlineX;
    public final int[] outlineY;

    Nucleus(double x, double y, int areaPx, double meanHema, double meanDab, double maxDab, int ringPx,
            double ringMeanDab, double ringMaxDab, int cellClass, int[] outlineX, int[] outlineY) {
        this.x = x;
        this.y = y;
        this.areaPx = areaPx;
        this.meanHema = meanHema;
        this.meanDab = meanDab;
        this.maxDab = maxDab;
        this.ringPx = ringPx;
        this.ringMeanDab = ringMeanDab;
        this.ringMaxDab = ringMaxDab;
        this.cellClass = cellClass;
        this.outlineX = outlineX;
        this.outlineY = outlineY;
    }

    /** This nucleus with its centroid and outline moved by (dx, dy): from a region's pixels to the image's. */
    Nucleus moved(long dx, long dy) {
        return new Nucleus(x + dx, y + dy, areaPx, meanHema, meanDab, maxDab, ringPx, ringMeanDab, ringMaxDab,
                cellClass, shift(outlineX, dx), shift(outlineY, dy));
    }

    private static int[] shift(int[] v, long d) {
        if (v == null) {
            return null;
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) (v[i] + d);
        }
        return out;
    }

    /** Mean DAB OD of the whole cell (nucleus and ring, pixel-weighted). */
    public double cellMeanDab() {
        if (ringPx == 0) {
            return meanDab;
        }
        return (meanDab * areaPx + ringMeanDab * ringPx) / (areaPx + ringPx);
    }

    /** The DAB OD the class is read from. */
    public double compartmentDab(Compartment c) {
        switch (c) {
            case CYTOPLASM:
                return ringPx == 0 ? Double.NaN : ringMeanDab;
            case CELL:
                return cellMeanDab();
            default:
                return meanDab;
        }
    }
}
