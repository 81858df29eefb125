package org.frameloop.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Peak memory of this process, for the run summary and docs/performance.md: the Java heap's peak (sum of the
 * heap pools' peaks, an upper bound since pools peak at different moments) and the peak resident set size
 * the kernel recorded (VmHWM, which includes libtorch's native allocations the heap never sees).
 */
final class ResourceUsage {

    private ResourceUsage() {
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** VmHWM from /proc/self/status; empty where there is no such file (not Linux). */
    static OptionalLong peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not available: say nothing rather than guess
        }
        return OptionalLong.empty();
    }

    static String describe() {
        OptionalLong resident = peakResidentBytes();
        return String.format(Locale.ROOT, "Peak memory: Java heap %d MiB (of %d MiB allowed)%s.", peakHeapBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                resident.isPresent() ? String.format(Locale.ROOT, ", resident set %d MiB", resident.getAsLong() >> 20) : "");
    }
}
