package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ihcblotquant.core.ProgressListener;

/**
 * The terminal progress line of long CLI runs (whole slides): one line rewritten in place with
 * the current file and its progress ("tiles 120/400, 85 MP/s, 12 s left"), at most four times a
 * second, and only when stderr is a terminal. Ctrl-C cancels: a shutdown hook raises the cancel
 * flag the core polls and waits (a few seconds at most) until the command has unwound, so no
 * partial output file is left (outputs are written atomically at the end).
 */
final class ProgressLine implements ProgressListener, AutoCloseable {
    private final PrintStream err;
    private final boolean show;
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;
    private long lastNanos;
    private int lastLength;

    ProgressLine(PrintStream err, boolean show) {
        this.err = err;
        this.show = show && System.console() != null;
        this.hook = new Thread(() -> {
            cancelled = true;
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ihcq-cancel");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        if (!show) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos < 250_000_000L && fraction < 1) {
            return;
        }
        lastNanos = now;
        String text = String.format(java.util.Locale.ROOT, "%3.0f%% %s", 100 * fraction, message == null ? "" : message);
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        StringBuilder sb = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < lastLength; i++) {
            sb.append(' ');
        }
        lastLength = text.length();
        err.print(sb);
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Clears the line (before a result line is printed). */
    synchronized void clear() {
        if (show && lastLength > 0) {
            StringBuilder sb = new StringBuilder("\r");
            for (int i = 0; i < lastLength; i++) {
                sb.append(' ');
            }
            err.print(sb.append('\r'));
            err.flush();
            lastLength = 0;
        }
    }

    /** Clears the line and lets a pending Ctrl-C finish the exit. */
    @Override
    public void close() {
        clear();
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is exiting (Ctrl-C): the hook is running and now returns
        }
    }
}
