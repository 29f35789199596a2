package org.ihcblotquant.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks of output paths, made before any work so a long run never ends in "cannot write": the
 * path must not be a folder, its folder must exist (or be creatable, when the job creates output
 * folders) and be writable, and it must not be one of the inputs (inputs are never overwritten).
 * Writing itself goes through {@link org.ihcblotquant.io.AtomicFiles}: complete or absent.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Checks an output file.
     *
     * @param out           the file to be written
     * @param field         neutral field name for the error
     * @param inputs        files the job reads
     * @param createFolders true when the job creates missing folders above {@code out}
     */
    public static void checkFile(Path out, String field, Collection<Path> inputs, boolean createFolders) {
        if (Files.isDirectory(out)) {
            throw new FieldException(field, out + " is a folder; give a file name");
        }
        for (Path in : inputs) {
            if (same(out, in)) {
                throw new FieldException(field, out + " is an input file; refusing to overwrite it");
            }
        }
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            checkFolder(parent, field, createFolders);
        }
        if (Files.exists(out) && !Files.isWritable(out)) {
            throw new FieldException(field, out + " exists and cannot be overwritten (no write permission)");
        }
    }

    /**
     * Checks an output folder: an existing writable folder, or (with {@code create}) a path whose
     * nearest existing parent is a writable folder.
     */
    public static void checkFolder(Path dir, String field, boolean create) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new FieldException(field, dir + " exists and is not a folder");
        }
        if (!Files.exists(abs)) {
            if (!create) {
                throw new FieldException(field, "folder " + dir + " does not exist");
            }
            Path p = abs.getParent();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            if (p == null || !Files.isDirectory(p)) {
                throw new FieldException(field, "cannot create folder " + dir + " (" + p + " is not a folder)");
            }
            abs = p;
        }
        if (!Files.isWritable(abs)) {
            throw new FieldException(field, "cannot write in folder " + abs + " (no write permission)");
        }
    }

    /** Same file on disk (or the same normalised path when either does not exist yet). */
    public static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing normalised paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
