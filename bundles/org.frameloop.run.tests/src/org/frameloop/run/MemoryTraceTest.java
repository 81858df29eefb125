package org.frameloop.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The soak benchmarks' memory trace: VmRSS parsing, the CSV, and growth measured from the warm-up on. */
class MemoryTraceTest {

    private static final long MIB = 1L << 20;

    @Test
    void theResidentSetIsReadFromVmRssInKibibytes() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  900000 kB", "VmRSS:\t  524288 kB", "Threads:\t30");
        assertEquals(OptionalLong.of(512 * MIB), MemoryTrace.residentBytes(status));
        assertEquals(OptionalLong.empty(), MemoryTrace.residentBytes(List.of("Name:\tjava")));
    }

    @Test
    void growthIsMeasuredFromTheFirstSampleAfterWarmUpToTheLast() {
        MemoryTrace trace = new MemoryTrace("round");
        trace.add(new MemoryTrace.Sample(0, 40 * MIB, 300 * MIB));
        trace.add(new MemoryTrace.Sample(10, 100 * MIB, 500 * MIB));
        trace.add(new MemoryTrace.Sample(20, 104 * MIB, 520 * MIB));
        trace.add(new MemoryTrace.Sample(30, 102 * MIB, 510 * MIB));

        MemoryTrace.Summary summary = trace.summary(10);
        assertEquals(10, summary.warm().step());
        assertEquals(30, summary.last().step());
        assertEquals(2 * MIB, summary.heapGrowthBytes());
        assertEquals(10 * MIB, summary.residentGrowthBytes());
        assertEquals(104 * MIB, summary.peakHeapAfterGcBytes());
        assertEquals(520 * MIB, summary.peakResidentBytes());
        assertTrue(summary.heapFlat(16 * MIB));
        assertFalse(trace.summary(0).heapFlat(16 * MIB), "from round 0 the warm-up itself counts as growth");
    }

    @Test
    void aWarmUpBeyondTheLastSampleSummarisesTheLastSampleAlone() {
        MemoryTrace trace = new MemoryTrace("frame");
        trace.add(new MemoryTrace.Sample(0, 10 * MIB, -1));
        trace.add(new MemoryTrace.Sample(500, 12 * MIB, -1));
        MemoryTrace.Summary summary = trace.summary(10_000);
        assertEquals(500, summary.warm().step());
        assertEquals(0, summary.heapGrowthBytes());
        assertEquals(0, summary.residentGrowthBytes(), "unknown resident sets show no growth");
    }

    @Test
    void theCsvHasOneRowPerSampleInMibAndLeavesAnUnknownResidentSetEmpty() {
        MemoryTrace trace = new MemoryTrace("frame");
        trace.add(new MemoryTrace.Sample(0, 3 * MIB / 2, 256 * MIB));
        trace.add(new MemoryTrace.Sample(1000, 2 * MIB, -1));
        assertEquals("frame,heap_after_gc_mib,resident_mib\n0,1.5,256.0\n1000,2.0,\n", trace.csv());
    }

    @Test
    void aLiveSampleSeesThisProcess() {
        MemoryTrace.Sample sample = new MemoryTrace("round").sample(0);
        assertTrue(sample.heapAfterGcBytes() > 0);
    }
}
