package org.frameloop.core.video;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the frames, the ground-truth labels and the label map of a labelled video are, in the two layouts
 * users bring:
 * <ul>
 * <li>Frameloop's own (what the synthetic writer produces): frames in {@code DIR}, label PNGs in
 * {@code DIR/gt/}, the label map in {@code DIR/labelmap.json};</li>
 * <li>a dataset sequence as it comes (CamVid): {@code DIR/images/} and {@code DIR/labels/} with the same
 * file names, the label map in {@code DIR/labelmap.json} or, shared by all sequences, in the parent
 * folder.</li>
 * </ul>
 *
 * @param frames       the folder of frame images
 * @param groundTruth  the folder of label PNGs
 * @param labelMapFile the label map found beside them, if any (a caller may give a preset instead)
 */
public record LabelledVideoFolder(Path frames, Path groundTruth, Optional<Path> labelMapFile) {

    public static final String LABEL_MAP_FILE = "labelmap.json";

    /** @throws FileNotFoundException naming the folder when it is in neither layout */
    public static LabelledVideoFolder of(Path folder) throws FileNotFoundException {
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException(folder + ": no such video folder");
        }
        Path own = folder.resolve(LABEL_MAP_FILE);
        if (Files.isDirectory(folder.resolve("images")) && Files.isDirectory(folder.resolve("labels"))) {
            Path parent = folder.toAbsolutePath().normalize().getParent();
            Optional<Path> map = Files.isRegularFile(own) ? Optional.of(own)
                    : Optional.ofNullable(parent).map(p -> p.resolve(LABEL_MAP_FILE)).filter(Files::isRegularFile);
            return new LabelledVideoFolder(folder.resolve("images"), folder.resolve("labels"), map);
        }
        if (Files.isDirectory(folder.resolve("gt"))) {
            return new LabelledVideoFolder(folder, folder.resolve("gt"),
                    Optional.of(own).filter(Files::isRegularFile));
        }
        throw new FileNotFoundException(folder + ": no ground truth found: expected frames with a gt/ folder of label "
                + "PNGs, or images/ and labels/ folders with the same file names (CamVid layout)");
    }
}
