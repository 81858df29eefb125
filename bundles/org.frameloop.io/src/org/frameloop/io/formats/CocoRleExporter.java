package org.frameloop.io.formats;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.spi.LabelExporter;

import com.google.gson.stream.JsonWriter;

/**
 * {@code annotations.json} in COCO format: one image per frame ({@code id} = frame + 1,
 * {@code frame_index}, {@code file_name} = {@code 000000.png}), one category per class with
 * {@code id} = class id (the ignore id is a category with {@code "ignore": true}), and per frame and
 * class present one annotation whose {@code segmentation} is a compressed RLE mask
 * ({@code {"size": [h, w], "counts": "..."}}, readable by pycocotools' {@code annToMask}), with its
 * {@code area} and {@code bbox}. Unlabeled pixels (255) belong to no annotation. Written as a stream,
 * frame by frame, so long videos never sit in memory.
 */
public final class CocoRleExporter implements LabelExporter {

    public static final String FILE_NAME = "annotations.json";

    @Override
    public void export(LabelSequence labels, LabelMap labelMap, Path outputDirectory, IProgressMonitor monitor)
            throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Exporting COCO RLE", 2 * labels.frameCount());
        FrameFiles.createOutputFolder(outputDirectory);
        int[] ids = FrameFiles.exportedIds(labelMap);
        int width = labels.width();
        int height = labels.height();
        AtomicFiles.write(outputDirectory.resolve(FILE_NAME), raw -> {
            Writer text = new OutputStreamWriter(raw, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(text);
            json.beginObject();
            json.name("info").beginObject().name("description").value("Frameloop export").name("version")
                    .value("1.0").endObject();
            json.name("images").beginArray();
            for (int f = 0; f < labels.frameCount(); f++) {
                progress.checkCanceled();
                json.beginObject().name("id").value(f + 1).name("frame_index").value(f).name("file_name")
                        .value(FrameFiles.frameName(labels, f) + ".png").name("width").value(width).name("height")
                        .value(height).endObject();
                progress.worked(1);
            }
            json.endArray();
            json.name("categories").beginArray();
            for (int id : ids) {
                json.beginObject().name("id").value(id).name("name").value(FrameFiles.nameOf(labelMap, id))
                        .name("supercategory").value("").name("color").value(FrameFiles.colourOf(labelMap, id));
                if (labelMap.byId(id).isEmpty()) {
                    json.name("ignore").value(true);
                }
                json.endObject();
            }
            json.endArray();
            json.name("annotations").beginArray();
            long annotationId = 1;
            for (int f = 0; f < labels.frameCount(); f++) {
                LabelImage frame = FrameFiles.next(labels, f, progress);
                annotationId = writeAnnotations(json, frame, f + 1, ids, annotationId);
                progress.worked(1);
            }
            json.endArray();
            json.endObject();
            json.flush();
        });
    }

    private static long writeAnnotations(JsonWriter json, LabelImage frame, int imageId, int[] ids, long annotationId)
            throws IOException {
        int width = frame.width();
        int height = frame.height();
        byte[] pixels = frame.ids();
        int[] count = new int[256];
        for (byte id : pixels) {
            count[id & 0xFF]++;
        }
        boolean[] inside = new boolean[pixels.length];
        for (int id : ids) {
            if (count[id] == 0) {
                continue;
            }
            int minX = width, minY = height, maxX = -1, maxY = -1;
            for (int i = 0; i < pixels.length; i++) {
                inside[i] = (pixels[i] & 0xFF) == id;
                if (inside[i]) {
                    int x = i % width;
                    int y = i / width;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            json.beginObject().name("id").value(annotationId++).name("image_id").value(imageId).name("category_id")
                    .value(id).name("iscrowd").value(0).name("area").value(count[id]);
            json.name("bbox").beginArray().value(minX).value(minY).value(maxX - minX + 1).value(maxY - minY + 1)
                    .endArray();
            json.name("segmentation").beginObject().name("size").beginArray().value(height).value(width).endArray()
                    .name("counts").value(CocoRle.toCompressedString(CocoRle.encode(inside, width, height)))
                    .endObject();
            json.endObject();
        }
        return annotationId;
    }
}
