package org.frameloop.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.RuntimeCheck;
import org.junit.jupiter.api.Test;

/** {@code frameloop doctor}'s FFmpeg check, created the way doctor creates it: from the registry. */
class FfmpegCheckTest {

    @Test
    void doctorFindsTheCheckAndItReportsThePinnedFfmpegVersion() throws Exception {
        RuntimeCheck check = PluginRegistry.ofPlatform().create(ExtensionPoint.DIAGNOSTICS, "ffmpeg", Map.of());

        Map<String, String> facts = check.run();

        assertEquals("7.1.1", facts.get("FFmpeg version"));
        assertEquals("linux-x86_64", facts.get("platform"));
        assertTrue(facts.get("video decoders").startsWith("h264, hevc, vp8, vp9, av1"), facts.toString());
    }
}
