package org.frameloop.lib.opencv;

import org.opencv.core.Core;

/**
 * The one place OpenCV's native library is loaded: once per JVM, by {@code nu.pattern.OpenCV.loadLocally()},
 * which extracts it from the org.openpnp bundle into a temporary folder. Every bundle that calls OpenCV
 * calls {@link #load()} first; the bundles themselves import the {@code org.opencv.*} packages they use.
 */
public final class OpenCvRuntime {

    private static volatile boolean loaded;

    private OpenCvRuntime() {
    }

    /** Loads the native library unless this JVM has already; cheap after the first call. */
    public static void load() {
        if (!loaded) {
            synchronized (OpenCvRuntime.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }

    /** OpenCV's version, e.g. {@code 4.9.0}; loads the native library first. */
    public static String version() {
        load();
        return Core.VERSION;
    }

    /** The native library's name, e.g. {@code opencv_java490}. */
    public static String nativeLibraryName() {
        return Core.NATIVE_LIBRARY_NAME;
    }
}
