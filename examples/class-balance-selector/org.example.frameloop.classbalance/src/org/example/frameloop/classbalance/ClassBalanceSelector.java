package org.example.frameloop.classbalance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.SampleSelector;

/**
 * Chooses the candidates whose predicted classes are rarest in the human labels so far. A class's rarity is
 * its information content {@code -log p(c)}, with {@code p(c)} its share of the human-labelled pixels
 * (plus {@code priorPixels} for every class, so an unlabelled video treats all classes alike); a candidate's
 * rarity is the mean over its pixels, i.e. {@code sum_c share(candidate, c) * -log p(c)}. The score mixes
 * rarity and uncertainty, each scaled to [0, 1] over the open candidates:
 * {@code (1 - uncertaintyWeight) * rarity + uncertaintyWeight * uncertainty}. The best {@code budget} open
 * candidates are returned, ties to the lower index; deterministic (the random source is not needed).
 */
public class ClassBalanceSelector implements SampleSelector, Configurable {

    private double uncertaintyWeight;
    private double priorPixels;

    @Override
    public void configure(ParameterValues values) {
        uncertaintyWeight = values.getDouble("uncertaintyWeight");
        priorPixels = values.getDouble("priorPixels");
    }

    @Override
    public int[] select(CandidatePool pool, int budget, RandomGenerator random) {
        int[] open = IntStream.range(0, pool.size()).filter(c -> !pool.isAnnotated(c)).toArray();
        double[] rarity = scaled(open, rarityOf(pool, open));
        double[] uncertainty = scaled(open, Arrays.stream(open).mapToDouble(pool::uncertainty).toArray());
        double[] score = new double[open.length];
        for (int i = 0; i < open.length; i++) {
            score[i] = (1 - uncertaintyWeight) * rarity[i] + uncertaintyWeight * uncertainty[i];
        }
        return IntStream.range(0, open.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> open[i]))
                .limit(budget).mapToInt(i -> open[i]).toArray();
    }

    /** Mean information content of each open candidate's predicted classes; 0 when the pool has no classes. */
    private double[] rarityOf(CandidatePool pool, int[] open) {
        double[] rarity = new double[open.length];
        if (!pool.hasClasses()) {
            return rarity;
        }
        int classes = pool.classCount();
        double total = 0;
        for (int c = 0; c < classes; c++) {
            total += pool.humanPixels(c) + priorPixels;
        }
        double[] information = new double[classes];
        for (int c = 0; c < classes; c++) {
            information[c] = -Math.log((pool.humanPixels(c) + priorPixels) / total);
        }
        for (int i = 0; i < open.length; i++) {
            for (int c = 0; c < classes; c++) {
                rarity[i] += pool.classShare(open[i], c) * information[c];
            }
        }
        return rarity;
    }

    /** {@code values} mapped to [0, 1] by their range (all 0 when they are all equal). */
    private static double[] scaled(int[] open, double[] values) {
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        double[] scaled = new double[open.length];
        for (int i = 0; i < values.length && max > min; i++) {
            scaled[i] = (values[i] - min) / (max - min);
        }
        return scaled;
    }
}
