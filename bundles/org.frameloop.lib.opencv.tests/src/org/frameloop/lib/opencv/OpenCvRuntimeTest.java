package org.frameloop.lib.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class OpenCvRuntimeTest {

    @Test
    void loadsTheShippedOpenCvOnceAndItsCallsWork() {
        OpenCvRuntime.load();
        OpenCvRuntime.load();
        assertEquals("4.9.0", OpenCvRuntime.version());
        assertEquals("opencv_java490", OpenCvRuntime.nativeLibraryName());
        Mat square = new Mat(8, 8, CvType.CV_8UC1, new Scalar(0));
        try {
            Imgproc.rectangle(square, new org.opencv.core.Point(2, 2), new org.opencv.core.Point(5, 5), new Scalar(1), -1);
            assertEquals(16, org.opencv.core.Core.countNonZero(square));
        } finally {
            square.release();
        }
    }
}
