package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedImageWalkTest {

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
    }

    /** Names where a depth-first walk sorted by plain names would differ from sorted full paths. */
    @Test
    void sameOrderAsSortedFullPathsOnATrickyTree(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("in");
        for (String f : Arrays.asList("a/1.png", "a-b.png", "a.png", "a.png.d/x.tif", "a0/z.jpg", "A/2.png",
                "b/c/d/e.png", "b/c.png", "b/c-d/e.png", "b/c d.png", "b/c_d/f.PNG", "\u00e9t\u00e9/1.png",
                "z.gif", "ab.png", "a b/1.png", "a!/1.png", "sub/.hidden.png", "sub/notes.txt", "sub/x.jpeg")) {
            touch(root.resolve(f));
        }
        Files.createDirectories(root.resolve("empty/deeper"));
        List<Path> expected = ImageFiles.expand(Arrays.asList(root));
        List<Path> walked = SortedImageWalk.list(Arrays.asList(root), null);
        assertEquals(expected, walked);
        assertEquals(17, walked.size(), "hidden files and non-image names are left out, as expand does");
    }

    @Test
    void inputsInTheOrderGivenFilesAsGivenAndExclusions(@TempDir Path dir) throws IOException {
        touch(dir.resolve("b/2.png"));
        touch(dir.resolve("b/masks/2.png"));
        touch(dir.resolve("a/1.png"));
        touch(dir.resolve("single.tif"));
        List<Path> inputs = Arrays.asList(dir.resolve("b"), dir.resolve("single.tif"), dir.resolve("a"));
        assertEquals(ImageFiles.expand(inputs), SortedImageWalk.list(inputs, null));
        List<Path> kept = SortedImageWalk.list(inputs, p -> p.startsWith(dir.resolve("b/masks")));
        assertEquals(Arrays.asList(dir.resolve("b/2.png"), dir.resolve("single.tif"), dir.resolve("a/1.png")), kept);
    }

    @Test
    void missingInputsAndFoldersWithoutImagesAreNamed(@TempDir Path dir) throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> SortedImageWalk.list(Arrays.asList(dir.resolve("nope")), null));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("no such file"), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        touch(dir.resolve("empty/readme.txt"));
        e = assertThrows(InputException.class, () -> SortedImageWalk.list(Arrays.asList(dir.resolve("empty")), null));
        assertTrue(e.getMessage().contains("contains no images"), e.getMessage());
        touch(dir.resolve("m/only-mask.png"));
        e = assertThrows(InputException.class,
                () -> SortedImageWalk.list(Arrays.asList(dir.resolve("m")), p -> true));
        assertTrue(e.getMessage().contains("contains no images"), e.getMessage());
    }

    @Test
    void streamsWithoutBuildingTheList(@TempDir Path dir) throws IOException {
        for (int s = 0; s < 5; s++) {
            for (int f = 0; f < 4; f++) {
                touch(dir.resolve("slide" + s + "/f" + f + ".png"));
            }
        }
        List<String> seen = new ArrayList<>();
        SortedImageWalk.forEach(Arrays.asList(dir), null, p -> seen.add(dir.relativize(p).toString()));
        assertEquals(20, seen.size());
        assertEquals("slide0/f0.png", seen.get(0));
        assertEquals("slide4/f3.png", seen.get(19));
    }
}
