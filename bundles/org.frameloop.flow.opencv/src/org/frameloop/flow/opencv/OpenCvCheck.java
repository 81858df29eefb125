package org.frameloop.flow.opencv;

import java.util.LinkedHashMap;
import java.util.Map;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.spi.RuntimeCheck;
import org.frameloop.lib.opencv.OpenCvRuntime;

/** Loads OpenCV's natives and runs DIS flow on a tiny textured pair whose motion is known. */
public class OpenCvCheck implements RuntimeCheck {

    @Override
    public Map<String, String> run() {
        String version = OpenCvRuntime.version();
        RgbImage first = TexturedPattern.render(64, 48, 0, 0);
        RgbImage second = TexturedPattern.render(64, 48, 2, 1);
        OpticalFlow flow = new DisFlowProvider().flow(first, second);
        if (Math.abs(flow.medianDx() - 2) > 0.5 || Math.abs(flow.medianDy() - 1) > 0.5) {
            throw new IllegalStateException("DIS flow of a (2, 1) px shift came out as (" + flow.medianDx() + ", "
                    + flow.medianDy() + ")");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("version", version);
        facts.put("native library", OpenCvRuntime.nativeLibraryName());
        facts.put("DIS check", String.format("(2, 1) px shift measured as (%.2f, %.2f)", flow.medianDx(), flow.medianDy()));
        return facts;
    }
}
