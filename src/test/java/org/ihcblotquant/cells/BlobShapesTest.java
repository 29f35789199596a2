package org.ihcblotquant.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Solidity against hand-computed convex hulls; hole filling. */
class BlobShapesTest {

    private static byte[] image(int w, int h, int[][] rects) {
        byte[] b = new byte[w * h];
        for (int[] r : rects) {
            for (int y = r[1]; y < r[1] + r[3]; y++) {
                for (int x = r[0]; x < r[0] + r[2]; x++) {
                    b[y * w + x] = (byte) 255;
                }
            }
        }
        return b;
    }

    @Test
    void solidityOfARectangleAndAnLShape() {
        byte[] rect = image(22, 12, new int[][] {{1, 1, 20, 10}});
        assertEquals(1.0, BlobShapes.solidity(rect, 22, 12, 200), 1e-12);
        // L of three 10x10 squares: area 300; hull = 20x20 square minus the triangle (10x10)/2 = 350
        byte[] l = image(22, 22, new int[][] {{1, 1, 10, 20}, {11, 11, 10, 10}});
        assertEquals(300.0 / 350.0, BlobShapes.solidity(l, 22, 22, 300), 1e-12);
    }

    @Test
    void enclosedHolesAreFilledOpenNotchesAreNot() {
        // a 10x10 ring with a 4x4 hole, and a notch open to the outside
        byte[] b = image(14, 14, new int[][] {{1, 1, 10, 10}});
        for (int y = 4; y < 8; y++) {
            for (int x = 4; x < 8; x++) {
                b[y * 14 + x] = 0;
            }
        }
        for (int y = 1; y < 3; y++) {
            b[y * 14 + 5] = 0;
        }
        assertEquals(16, BlobShapes.fillHoles(b, 14, 14));
        assertEquals(0, b[1 * 14 + 5]);
        assertEquals((byte) 255, b[5 * 14 + 5]);
    }
}
