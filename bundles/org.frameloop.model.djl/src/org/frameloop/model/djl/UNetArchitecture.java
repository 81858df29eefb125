package org.frameloop.model.djl;

import com.google.gson.JsonObject;

/**
 * The hyper-parameters of {@link UNet}: five stages whose widths are {@code baseChannels} times
 * 1, 2, 3, 4 and 6, four 2x down-samplings (so inputs are padded to a multiple of 16 px), and a
 * decoder whose last stage, {@code baseChannels} wide at full resolution, is both the per-pixel
 * embedding and the input of the 1x1 classification head.
 */
record UNetArchitecture(int baseChannels, int classes) {

    static final String NAME = "unet";

    /** Default width: about 0.42 M parameters, fast enough on a laptop CPU. */
    static final int DEFAULT_BASE_CHANNELS = 16;

    /**
     * Every width is a multiple of this. oneDNN, libtorch's CPU convolution library, stores channels in
     * blocks of 8 (AVX2) or 16 (AVX-512) and pads other widths; its JIT kernels for padded layouts return
     * garbage on some CPUs (measured with libtorch 2.7.1 / oneDNN 3.7.1 on an AVX-512 AMD EPYC: gradients
     * that change from run to run and NaN for widths 4, 8 and 12, exact for 16 and 32). Whole blocks are
     * also the fast layout.
     */
    static final int CHANNEL_BLOCK = 16;

    private static final int[] STAGE_WIDTH_FACTORS = { 1, 2, 3, 4, 6 };

    UNetArchitecture {
        if (baseChannels < CHANNEL_BLOCK || baseChannels % CHANNEL_BLOCK != 0) {
            throw new IllegalArgumentException("baseChannels must be a positive multiple of " + CHANNEL_BLOCK
                    + " (libtorch's CPU convolutions are unreliable for other widths), was " + baseChannels);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a segmentation network needs at least one class, got " + classes);
        }
    }

    int[] stageChannels() {
        int[] channels = new int[STAGE_WIDTH_FACTORS.length];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = STAGE_WIDTH_FACTORS[i] * baseChannels;
        }
        return channels;
    }

    int embeddingChannels() {
        return baseChannels;
    }

    /** Inputs are padded to a multiple of this (2 to the number of down-samplings). */
    int sizeMultiplePx() {
        return 1 << (STAGE_WIDTH_FACTORS.length - 1);
    }

    UNetArchitecture withClasses(int classCount) {
        return new UNetArchitecture(baseChannels, classCount);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("name", NAME);
        json.addProperty("baseChannels", baseChannels);
        json.addProperty("classes", classes);
        json.addProperty("embeddingChannels", embeddingChannels());
        json.addProperty("sizeMultiplePx", sizeMultiplePx());
        return json;
    }

    static UNetArchitecture fromJson(JsonObject json) {
        String name = json.has("name") ? json.get("name").getAsString() : "?";
        if (!NAME.equals(name)) {
            throw new IllegalArgumentException("architecture '" + name + "' is not '" + NAME + "'");
        }
        return new UNetArchitecture(json.get("baseChannels").getAsInt(), json.get("classes").getAsInt());
    }
}
