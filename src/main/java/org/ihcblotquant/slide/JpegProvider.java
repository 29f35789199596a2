package org.ihcblotquant.slide;

import java.util.Collections;
import java.util.Iterator;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

/**
 * The only class that names TwelveMonkeys, so that a missing TwelveMonkeys jar (a Fiji without
 * it) fails on the first JPEG tile with a clear message instead of when the reader is loaded.
 */
final class JpegProvider {

    private JpegProvider() {
    }

    private static volatile ImageReaderSpi provider;

    /**
     * The TwelveMonkeys JPEG provider, registered in a private registry together with the JDK's
     * JPEG provider it delegates baseline decoding to: that is how it finds its delegate, and
     * going through a registry of our own keeps Fiji's global ImageIO registry out of the way.
     */
    static ImageReaderSpi get() {
        ImageReaderSpi p = provider;
        if (p != null) {
            return p;
        }
        synchronized (JpegProvider.class) {
            if (provider == null) {
                ServiceRegistry reg = new ServiceRegistry(
                        Collections.<Class<?>>singletonList(ImageReaderSpi.class).iterator());
                Iterator<ImageReaderSpi> all = IIORegistry.getDefaultInstance().getServiceProviders(
                        ImageReaderSpi.class, false);
                while (all.hasNext()) {
                    ImageReaderSpi s = all.next();
                    if (s.getClass().getName().equals(JDK_JPEG)) {
                        reg.registerServiceProvider(s, ImageReaderSpi.class);
                    }
                }
                JPEGImageReaderSpi tm = new JPEGImageReaderSpi();
                reg.registerServiceProvider(tm, ImageReaderSpi.class);
                if (!reg.contains(tm)) {
                    throw new IllegalStateException("the JDK's JPEG decoder (" + JDK_JPEG
                            + ") is missing; TwelveMonkeys JPEG needs it");
                }
                provider = tm;
            }
            return provider;
        }
    }

    private static final String JDK_JPEG = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
}
