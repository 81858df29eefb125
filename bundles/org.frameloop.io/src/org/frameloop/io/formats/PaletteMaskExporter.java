package org.frameloop.io.formats;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.io.ProjectLabels;

/**
 * One 8-bit indexed PNG per frame, named after its source frame ({@link ProjectLabels#frameName}: {@code
 * Seq05VD_f00030.png} for a folder of images, {@code 000042.png} otherwise), pixel value = class id, palette = the label
 * map's colours, 255 = unlabeled: the PASCAL VOC convention, and Cityscapes' {@code labelTrainIds} when
 * the label map is the Cityscapes train-id map. {@code labelmap.json} is written beside the masks.
 */
public final class PaletteMaskExporter implements LabelExporter {

    @Override
    public void export(LabelSequence labels, LabelMap labelMap, Path outputDirectory, IProgressMonitor monitor)
            throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Exporting palette masks", labels.frameCount() + 1);
        FrameFiles.createOutputFolder(outputDirectory);
        LabelMapJson.write(outputDirectory.resolve("labelmap.json"), labelMap);
        progress.worked(1);
        for (int f = 0; f < labels.frameCount(); f++) {
            ImageCodec.writeLabels(outputDirectory.resolve(FrameFiles.frameName(labels, f) + ".png"),
                    FrameFiles.next(labels, f, progress), labelMap);
            progress.worked(1);
        }
    }
}
