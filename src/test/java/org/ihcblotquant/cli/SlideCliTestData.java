package org.ihcblotquant.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-made broken slide files shared by the CLI and Fiji slide tests. */
public final class SlideCliTestData {

    private SlideCliTestData() {
    }

    /** A classic TIFF header whose one tiled RGB image uses JPEG 2000 (Aperio compression 33003). */
    public static byte[] jpeg2000Svs() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 10 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 10);
        int[][] e = {{256, 4, 1, 256}, {257, 4, 1, 256}, {258, 3, 1, 8}, {259, 3, 1, 33003}, {262, 3, 1, 2},
            {277, 3, 1, 3}, {322, 3, 1, 256}, {323, 3, 1, 256}, {324, 4, 1, 134}, {325, 4, 1, 16}};
        for (int[] t : e) {
            b.putShort((short) t[0]).putShort((short) t[1]).putInt(t[2]);
            if (t[1] == 3) {
                b.putShort((short) t[3]).putShort((short) 0);
            } else {
                b.putInt(t[3]);
            }
        }
        b.putInt(0);
        return b.array();
    }

}
