package org.ihcblotquant.slide;

/**
 * TIFF LZW decoding (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first,
 * code 256 clears the table, 257 ends the strip, and the code width grows one code early
 * (at 511, 1023 and 2047 entries), as every TIFF writer does.
 */
final class Lzw {
    private static final int CLEAR = 256;
    private static final int END = 257;

    private final int[] prefix = new int[4096];
    private final byte[] suffix = new byte[4096];
    private final int[] length = new int[4096];
    private final int[] firstOf = new int[4096];
    private final byte[] stack = new byte[4097];

    Lzw() {
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            length[i] = 1;
            prefix[i] = -1;
            firstOf[i] = i;
        }
    }

    /**
     * Decodes {@code in} into {@code out}; returns the number of bytes written (less than
     * {@code out.length} when the data ends early). A code that cannot occur is an error.
     */
    int decode(byte[] in, int inLength, byte[] out) {
        int bitPos = 0;
        long totalBits = (long) inLength * 8;
        int width = 9;
        int next = 258;
        int old = -1;
        int o = 0;
        while (o < out.length) {
            if (bitPos + width > totalBits) {
                break;
            }
            int byteAt = bitPos >> 3;
            int window = (in[byteAt] & 0xff) << 16;
            if (byteAt + 1 < inLength) {
                window |= (in[byteAt + 1] & 0xff) << 8;
            }
            if (byteAt + 2 < inLength) {
                window |= in[byteAt + 2] & 0xff;
            }
            int code = (window >>> (24 - (bitPos & 7) - width)) & ((1 << width) - 1);
            bitPos += width;
            if (code == END) {
                break;
            }
            if (code == CLEAR) {
                width = 9;
                next = 258;
                old = -1;
                continue;
            }
            int first;
            if (old == -1) {
                if (code > 255) {
                    throw new IllegalStateException("LZW stream starts with code " + code);
                }
                out[o++] = (byte) code;
                old = code;
                continue;
            }
            int emit;
            if (code < next) {
                emit = code;
                first = firstOf[code];
            } else if (code == next) {
                emit = -1;
                first = firstOf[old];
            } else {
                throw new IllegalStateException("LZW code " + code + " beyond table size " + next);
            }
            if (next < 4096) {
                prefix[next] = old;
                suffix[next] = (byte) first;
                length[next] = length[old] + 1;
                firstOf[next] = firstOf[old];
                next++;
            }
            o = write(emit == -1 ? next - 1 : emit, out, o);
            old = code;
            if (next + 1 >= (1 << width) && width < 12) {
                width++;
            }
        }
        return o;
    }

    private int write(int code, byte[] out, int o) {
        int n = length[code];
        int c = code;
        for (int i = n - 1; i >= 0; i--) {
            stack[i] = suffix[c];
            c = prefix[c];
        }
        int m = Math.min(n, out.length - o);
        System.arraycopy(stack, 0, out, o, m);
        return o + m;
    }
}
