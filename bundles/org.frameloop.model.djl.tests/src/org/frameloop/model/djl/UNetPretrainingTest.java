package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.model.djl.pretraining.UNetPretraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public pretraining entry: a tiny run through it writes a final checkpoint; bad settings are refused. */
class UNetPretrainingTest {

    @TempDir
    Path temporary;

    @Test
    void aTinyRunWritesTheFinalCheckpoint() throws Exception {
        Path video = TestTimeAdaptationTest.writeSyntheticVideo(temporary.resolve("video"),
                new ProceduralVideo(ProceduralVideo.Style.SOURCE, 4, 32, 16, 2, 0));
        UNetPretraining.Settings settings = new UNetPretraining.Settings(3, 2, 32, 16, 3e-3, 4, 2);

        UNetPretraining.Result result = UNetPretraining.train(settings, List.of(video), temporary.resolve("out"),
                new NullProgressMonitor());

        assertEquals(3, result.steps());
        assertFalse(result.resumed());
        assertEquals(temporary.resolve("out").resolve("final"), result.checkpoint());
        assertTrue(Files.isDirectory(result.checkpoint()));
    }

    @Test
    void aWiderNetworkIsWrittenWithItsWidth() throws Exception {
        Path video = TestTimeAdaptationTest.writeSyntheticVideo(temporary.resolve("video"),
                new ProceduralVideo(ProceduralVideo.Style.SOURCE, 4, 32, 16, 2, 0));
        UNetPretraining.Settings settings = new UNetPretraining.Settings(2, 2, 32, 16, 3e-3, 4, 2).withBaseChannels(32);

        UNetPretraining.Result result = UNetPretraining.train(settings, List.of(video), temporary.resolve("out"),
                new NullProgressMonitor());

        String manifest = Files.readString(result.checkpoint().resolve("checkpoint.json"));
        assertTrue(manifest.replaceAll("\\s", "").contains("\"baseChannels\":32"), manifest);
    }

    @Test
    void aWidthThatIsNotWholeChannelBlocksIsRefusedBeforeAnyWork() {
        UNetPretraining.Settings width24 = new UNetPretraining.Settings(2, 2, 32, 16, 3e-3, 4, 2).withBaseChannels(24);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> UNetPretraining.train(width24, List.of(), temporary.resolve("out"), new NullProgressMonitor()));
        assertTrue(refused.getMessage().contains("24"), refused.getMessage());
        assertFalse(Files.exists(temporary.resolve("out")));
    }

    @Test
    void settingsThatAreNotPositiveAreRefusedBeforeAnyWork() {
        UNetPretraining.Settings zeroSteps = new UNetPretraining.Settings(0, 2, 32, 16, 3e-3, 4, 2);

        assertThrows(IllegalArgumentException.class,
                () -> UNetPretraining.train(zeroSteps, List.of(), temporary.resolve("out"), new NullProgressMonitor()));
        assertFalse(Files.exists(temporary.resolve("out")));
    }
}
