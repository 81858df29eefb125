package org.frameloop.io.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.io.ProjectLabels;

/**
 * {@code annotations.xml} in "CVAT for video 1.1": the task's labels (name, colour) and frame size in
 * {@code meta}, then one {@code track} per polygon of {@link MaskPolygons}: a keyframe polygon at its
 * frame and, when a next frame exists, an {@code outside="1"} keyframe there, so CVAT does not carry the
 * shape on to later frames. {@code z_order} orders the polygons of a frame (larger first, so a region
 * inside another lies on top). Polygons cannot express unlabeled holes; with {@code tolerancePx} &gt; 0
 * vertices move by at most that much; regions under {@code minAreaPx} pixels (default
 * {@value #DEFAULT_MIN_AREA_PX}) are dropped, so a model's noisy labels give objects, not thousands of
 * specks per frame (docs/projects-and-formats.md has the sizes). The ignore id is exported as the label "void".
 * <p>
 * Each track's {@code source} says who made it: {@code manual} when a person labelled every pixel of its class
 * on its frame (a project's human layer), {@code auto} when the model labelled any of them, so that no
 * model output passes for a person's work (and no person's whole-frame work for the model's).
 */
public final class CvatVideoExporter implements LabelExporter, Configurable {

    public static final String FILE_NAME = "annotations.xml";

    /** Regions below this many pixels become no track unless a caller says otherwise: specks, not objects. */
    public static final int DEFAULT_MIN_AREA_PX = 16;

    private double tolerancePx = 1.0;
    private int minAreaPx = DEFAULT_MIN_AREA_PX;

    @Override
    public void configure(ParameterValues values) {
        tolerancePx = values.getDouble("tolerancePx");
        minAreaPx = values.getInt("minAreaPx");
    }

    /** Douglas-Peucker tolerance in pixels; 0 keeps every contour vertex. */
    public CvatVideoExporter withTolerancePx(double value) {
        tolerancePx = value;
        return this;
    }

    /** Regions of fewer pixels are dropped (specks); 1 keeps every region. */
    public CvatVideoExporter withMinAreaPx(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("minAreaPx must be at least 1, was " + value);
        }
        minAreaPx = value;
        return this;
    }

    @Override
    public void export(LabelSequence labels, LabelMap labelMap, Path outputDirectory, IProgressMonitor monitor)
            throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Exporting CVAT for video 1.1", labels.frameCount());
        FrameFiles.createOutputFolder(outputDirectory);
        int[] ids = FrameFiles.exportedIds(labelMap);
        int frames = labels.frameCount();
        AtomicFiles.write(outputDirectory.resolve(FILE_NAME), out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("annotations");
                element(xml, "version", "1.1");
                xml.writeStartElement("meta");
                xml.writeStartElement("task");
                element(xml, "id", "0");
                element(xml, "name", "frameloop");
                element(xml, "size", Integer.toString(frames));
                element(xml, "mode", "interpolation");
                element(xml, "overlap", "0");
                element(xml, "start_frame", "0");
                element(xml, "stop_frame", Integer.toString(frames - 1));
                xml.writeStartElement("labels");
                for (int id : ids) {
                    xml.writeStartElement("label");
                    element(xml, "name", FrameFiles.nameOf(labelMap, id));
                    element(xml, "color", FrameFiles.colourOf(labelMap, id));
                    element(xml, "type", "polygon");
                    xml.writeEmptyElement("attributes");
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeStartElement("original_size");
                element(xml, "width", Integer.toString(labels.width()));
                element(xml, "height", Integer.toString(labels.height()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                int track = 0;
                for (int f = 0; f < frames; f++) {
                    LabelImage frame = FrameFiles.next(labels, f, progress);
                    List<MaskPolygons.Polygon> polygons = MaskPolygons.polygons(frame, ids, tolerancePx, minAreaPx);
                    boolean[] manual = classesLabelledByHand(labels, f, frame);
                    for (int z = 0; z < polygons.size(); z++) {
                        MaskPolygons.Polygon polygon = polygons.get(z);
                        xml.writeCharacters("\n");
                        xml.writeStartElement("track");
                        xml.writeAttribute("id", Integer.toString(track++));
                        xml.writeAttribute("label", FrameFiles.nameOf(labelMap, polygon.classId()));
                        xml.writeAttribute("source", manual[polygon.classId()] ? "manual" : "auto");
                        shape(xml, f, false, polygon, z);
                        if (f + 1 < frames) {
                            shape(xml, f + 1, true, polygon, z);
                        }
                        xml.writeEndElement();
                    }
                    progress.worked(1);
                }
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
            }
        });
    }

    /** Per class id: every pixel of that class on the frame is a person's (never true without a human layer). */
    private static boolean[] classesLabelledByHand(LabelSequence labels, int frameIndex, LabelImage merged) {
        boolean[] manual = new boolean[256];
        if (!(labels instanceof ProjectLabels project)) {
            return manual;
        }
        byte[] human = project.human(frameIndex).ids();
        byte[] ids = merged.ids();
        boolean[] seen = new boolean[256];
        boolean[] byModel = new boolean[256];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i] & 0xFF;
            seen[id] = true;
            if (human[i] == (byte) LabelImage.UNLABELED) {
                byModel[id] = true;
            }
        }
        for (int id = 0; id < 256; id++) {
            manual[id] = seen[id] && !byModel[id];
        }
        return manual;
    }

    private static void shape(XMLStreamWriter xml, int frame, boolean outside, MaskPolygons.Polygon polygon, int z)
            throws XMLStreamException {
        xml.writeEmptyElement("polygon");
        xml.writeAttribute("frame", Integer.toString(frame));
        xml.writeAttribute("keyframe", "1");
        xml.writeAttribute("outside", outside ? "1" : "0");
        xml.writeAttribute("occluded", "0");
        StringBuilder points = new StringBuilder();
        double[] xy = polygon.xy();
        for (int p = 0; p < xy.length; p += 2) {
            points.append(p == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.2f,%.2f", xy[p], xy[p + 1]));
        }
        xml.writeAttribute("points", points.toString());
        xml.writeAttribute("z_order", Integer.toString(z));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
