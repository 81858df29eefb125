package org.frameloop.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Memory along a long session, for the soak benchmarks (docs/performance.md, "Long sessions"): at each step
 * asked for (a round, a frame), the Java heap in use right after a full collection, which is what the
 * session really keeps, and the resident set (VmRSS), which includes native memory the heap never sees.
 * Written as CSV and summarised against the warm-up: a session that keeps nothing per step stays flat after it.
 */
public final class MemoryTrace {

    /** One sample: the step (round or frame), the heap after a full GC and the resident set, in bytes (-1 unknown). */
    public record Sample(long step, long heapAfterGcBytes, long residentBytes) {
    }

    /**
     * What the trace shows after warm-up.
     *
     * @param warm       the first sample at or after the warm-up step
     * @param last       the last sample
     * @param peakHeapAfterGcBytes the largest heap after GC from {@code warm} on
     * @param peakResidentBytes    the largest resident set from {@code warm} on
     */
    public record Summary(Sample warm, Sample last, long peakHeapAfterGcBytes, long peakResidentBytes) {

        public long heapGrowthBytes() {
            return last.heapAfterGcBytes() - warm.heapAfterGcBytes();
        }

        public long residentGrowthBytes() {
            return last.residentBytes() < 0 || warm.residentBytes() < 0 ? 0 : last.residentBytes() - warm.residentBytes();
        }

        /** Flat: the heap after GC at the end is within {@code toleranceBytes} of the one after warm-up. */
        public boolean heapFlat(long toleranceBytes) {
            return heapGrowthBytes() <= toleranceBytes;
        }

        public String describe(String stepName) {
            return String.format(Locale.ROOT, "after warm-up (%s %d): heap after GC %d MiB, resident %s; at %s %d: "
                    + "heap after GC %d MiB (%+d MiB), resident %s (%+d MiB); peaks from warm-up on: heap %d MiB, "
                    + "resident %s", stepName, warm.step(), mib(warm.heapAfterGcBytes()), residentText(warm.residentBytes()),
                    stepName, last.step(), mib(last.heapAfterGcBytes()), heapGrowthBytes() >> 20,
                    residentText(last.residentBytes()), residentGrowthBytes() >> 20, mib(peakHeapAfterGcBytes),
                    residentText(peakResidentBytes));
        }
    }

    private final String stepName;
    private final List<Sample> samples = new ArrayList<>();

    /** @param stepName what a step is, the CSV's first column: "round" or "frame" */
    public MemoryTrace(String stepName) {
        this.stepName = stepName;
    }

    /** Collects garbage, then records the heap in use and the resident set at {@code step}. */
    public Sample sample(long step) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Sample sample = new Sample(step, heap, residentBytes().orElse(-1));
        add(sample);
        return sample;
    }

    public synchronized void add(Sample sample) {
        samples.add(sample);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The summary from the first sample at or after {@code warmUpStep}; the first sample when none is. */
    public synchronized Summary summary(long warmUpStep) {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        int from = 0;
        while (from < samples.size() - 1 && samples.get(from).step() < warmUpStep) {
            from++;
        }
        long peakHeap = 0;
        long peakResident = -1;
        for (Sample s : samples.subList(from, samples.size())) {
            peakHeap = Math.max(peakHeap, s.heapAfterGcBytes());
            peakResident = Math.max(peakResident, s.residentBytes());
        }
        return new Summary(samples.get(from), samples.get(samples.size() - 1), peakHeap, peakResident);
    }

    /** {@code step,heap_after_gc_mib,resident_mib} per sample (MiB with one decimal; resident empty when unknown). */
    public synchronized String csv() {
        StringBuilder text = new StringBuilder(stepName).append(",heap_after_gc_mib,resident_mib\n");
        for (Sample s : samples) {
            text.append(s.step()).append(',').append(String.format(Locale.ROOT, "%.1f", s.heapAfterGcBytes() / 1048576.0))
                    .append(',').append(s.residentBytes() < 0 ? ""
                            : String.format(Locale.ROOT, "%.1f", s.residentBytes() / 1048576.0)).append('\n');
        }
        return text.toString();
    }

    public void writeCsv(Path file) throws IOException {
        Files.writeString(file, csv());
    }

    /** VmRSS of this process from /proc/self/status; empty where there is no such file (not Linux). */
    public static OptionalLong residentBytes() {
        try {
            return residentBytes(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** VmRSS from the lines of a /proc/PID/status file. */
    static OptionalLong residentBytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    private static String residentText(long bytes) {
        return bytes < 0 ? "unknown" : (bytes >> 20) + " MiB";
    }
}
