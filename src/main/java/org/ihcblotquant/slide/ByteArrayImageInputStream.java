package org.ihcblotquant.slide;

import java.io.IOException;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over a byte array without the copying and caching of
 * {@code MemoryCacheImageInputStream}: tiles are small and decoded by the thousand.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {
    private final byte[] data;

    ByteArrayImageInputStream(byte[] data) {
        this.data = data;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < data.length ? data[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        int left = data.length - (int) Math.min(streamPos, data.length);
        if (left <= 0) {
            return -1;
        }
        int n = Math.min(len, left);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }
}
