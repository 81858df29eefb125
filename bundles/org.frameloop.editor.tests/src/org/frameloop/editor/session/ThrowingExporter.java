package org.frameloop.editor.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.spi.LabelExporter;

/** An exporter with a bug: it writes one file, then throws (contributed by this fragment's fragment.xml). */
public class ThrowingExporter implements LabelExporter {

    @Override
    public void export(LabelSequence labels, LabelMap labelMap, Path outputDirectory, IProgressMonitor monitor)
            throws IOException {
        Files.writeString(outputDirectory.resolve("frame_0000.txt"), "written before the bug");
        throw new IllegalStateException("deliberately broken");
    }
}
