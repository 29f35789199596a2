package org.ihcblotquant.cohort;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.ImageFiles;

/**
 * The image files of a list of inputs in exactly the order {@link ImageFiles#expand} gives
 * (inputs in the order given; inside a folder, all image files of the tree sorted by path), but
 * streamed: one folder's entries are held at a time per level of the tree, never the whole list.
 * A tree of 100,000 fields in 1,000 folders holds about 1,100 names, not 100,000.
 *
 * <p>Why the order is the same: two paths of one tree first differ inside the names of two
 * siblings of their deepest common folder. Comparing a file sibling by its path and a folder
 * sibling by the path of a (made-up) child inside it decides exactly as comparing any two full
 * paths below them would, so a depth-first walk that sorts siblings that way visits files in
 * sorted-path order. Folders are entered without following links, files are kept when they are
 * regular files (links followed) with an image extension: the rules of {@code Files.walk} as
 * {@code expand} uses it.
 */
public final class SortedImageWalk {

    private SortedImageWalk() {
    }

    /**
     * Calls {@code sink} for every image file of {@code inputs} that {@code exclude} does not
     * reject, in order. A missing input, or a folder without (non-excluded) images, is an
     * {@link InputException} naming it, as in {@code expand}.
     */
    public static void forEach(List<Path> inputs, Predicate<Path> exclude, Consumer<Path> sink) {
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                Iterator<Path> it = new TreeIterator(in);
                boolean any = false;
                while (it.hasNext()) {
                    Path p = it.next();
                    if (exclude == null || !exclude.test(p)) {
                        any = true;
                        sink.accept(p);
                    }
                }
                if (!any) {
                    throw new InputException(in + ": folder contains no images ("
                            + String.join(", ", ImageFiles.EXTENSIONS) + ")");
                }
            } else if (Files.exists(in)) {
                if (exclude == null || !exclude.test(in)) {
                    sink.accept(in);
                }
            } else {
                throw new InputException(in + ": no such file or folder");
            }
        }
    }

    /** All image files of {@code inputs}, in order (for callers that need the list anyway). */
    public static List<Path> list(List<Path> inputs, Predicate<Path> exclude) {
        List<Path> out = new ArrayList<>();
        forEach(inputs, exclude, out::add);
        return out;
    }

    /** One entry of a folder with the key that orders it among its siblings. */
    private static final class Entry {
        final Path path;
        final boolean folder;
        final Path key;

        Entry(Path path, boolean folder) {
            this.path = path;
            this.folder = folder;
            this.key = folder ? path.resolve("x") : path;
        }
    }

    /** Depth-first over one folder tree; each stack level holds the sorted entries of one folder. */
    private static final class TreeIterator implements Iterator<Path> {
        private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
        private Path next;

        TreeIterator(Path root) {
            stack.push(entries(root).iterator());
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Iterator<Entry> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Entry e = top.next();
                if (e.folder) {
                    stack.push(entries(e.path).iterator());
                } else {
                    next = e.path;
                }
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Path p = next;
            next = null;
            return p;
        }

        private static List<Entry> entries(Path dir) {
            List<Entry> out = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (a.isDirectory()) {
                        out.add(new Entry(p, true));
                    } else if (ImageFiles.isImageName(p) && (a.isRegularFile()
                            || (a.isSymbolicLink() && Files.isRegularFile(p)))) {
                        out.add(new Entry(p, false));
                    }
                }
            } catch (IOException e) {
                throw new InputException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
            }
            Collections.sort(out, (a, b) -> a.key.compareTo(b.key));
            return out;
        }
    }
}
