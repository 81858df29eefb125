package org.frameloop.model.djl;

/**
 * The fine-tuning parameters of the {@code unet} contribution (see its plugin.xml for the user's
 * descriptions).
 *
 * @param learningRate   Adam's step size
 * @param stepsPerRound  optimiser steps per {@code fineTune} call
 * @param batchSize      frames per step: pairs of neighbouring frames around labelled ones
 * @param temporalWeight lambda, the weight of the temporal-consistency term
 * @param trainLayers    which layers change
 * @param seed           seeds frame sampling (and initialisation of a network without checkpoint)
 * @param minStepsPerRound   steps before the fit test may end a round
 * @param fitAccuracy        a round ends once the running accuracy on human pixels reaches this
 * @param carriedLabelWeight weight of the cross-entropy on trusted carried labels
 * @param cropSize           side of the square window each sample trains on; 0 = whole frames
 */
record FineTuningSettings(double learningRate, int stepsPerRound, int batchSize, double temporalWeight,
        TrainLayers trainLayers, long seed, int minStepsPerRound, double fitAccuracy, double carriedLabelWeight,
        int cropSize) {

    /** Fixed steps per round, human labels only: what pretraining-style callers and tests want. */
    FineTuningSettings(double learningRate, int stepsPerRound, int batchSize, double temporalWeight,
            TrainLayers trainLayers, long seed) {
        this(learningRate, stepsPerRound, batchSize, temporalWeight, trainLayers, seed, stepsPerRound, 2.0, 0, 0);
    }

    FineTuningSettings {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
        }
        if (stepsPerRound < 0 || batchSize < 1 || temporalWeight < 0 || cropSize < 0) {
            throw new IllegalArgumentException(
                    "stepsPerRound >= 0, batchSize >= 1, temporalWeight >= 0 and cropSize >= 0 are required");
        }
    }
}
