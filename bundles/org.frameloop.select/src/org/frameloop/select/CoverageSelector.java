package org.frameloop.select;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.SampleSelector;

/**
 * Picks the samples whose labels would fix the most of what neither carried labels nor the model cover.
 * A candidate's uncertainty (of the combined labels, when the loop fuses them) stands for the errors left
 * in it; labelling a candidate also fixes much of its neighbours in time, since its labels are carried
 * along the flow and the model learns them. So the picks are greedy: each takes the candidate with the
 * most uncertainty still uncovered, then discounts every candidate near it in time by
 * {@code exp(-|Δt| / reach)} times their similarity in embedding space (cosine, negative counted as 0;
 * 1 without embeddings). Uncertain stretches of the video get several picks, spread out; certain ones none.
 * <p>
 * The reach defaults to half the even spacing of this round's picks ({@code frames / (2 b)}, at least one
 * frame), so a first round with uniform uncertainty degenerates to evenly spread keyframes. Deterministic:
 * the random source is not used; ties go to the lower index.
 */
public class CoverageSelector implements SampleSelector, Configurable {

    private static final double NEGLIGIBLE = 0.01;

    private double reachFrames;

    @Override
    public void configure(ParameterValues values) {
        reachFrames = values.getDouble("reachFrames");
    }

    @Override
    public int[] select(CandidatePool pool, int budget, RandomGenerator random) {
        int[] open = CandidateRanking.unannotated(pool);
        if (open.length == 0) {
            return new int[0];
        }
        int frames = pool.videoFrameCount();
        for (int candidate : open) {
            frames = Math.max(frames, pool.frameOf(candidate) + 1);
        }
        double reach = reachFrames > 0 ? reachFrames : Math.max(1.0, frames / (2.0 * budget));
        int window = (int) Math.ceil(-Math.log(NEGLIGIBLE) * reach);

        List<List<Integer>> byFrame = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            byFrame.add(new ArrayList<>());
        }
        for (int k = 0; k < open.length; k++) {
            byFrame.get(pool.frameOf(open[k])).add(k);
        }
        float[][] direction = unitEmbeddings(pool, open);
        double[] uncovered = new double[open.length];
        for (int k = 0; k < open.length; k++) {
            double u = pool.uncertainty(open[k]);
            uncovered[k] = Double.isNaN(u) ? 0 : Math.max(0, u);
        }
        boolean[] taken = new boolean[open.length];
        int picks = Math.min(budget, open.length);
        int[] chosen = new int[picks];
        for (int p = 0; p < picks; p++) {
            int best = -1;
            for (int k = 0; k < open.length; k++) {
                if (!taken[k] && (best < 0 || uncovered[k] > uncovered[best])) {
                    best = k;
                }
            }
            taken[best] = true;
            chosen[p] = open[best];
            int frame = pool.frameOf(open[best]);
            for (int f = Math.max(0, frame - window); f <= Math.min(frames - 1, frame + window); f++) {
                double near = Math.exp(-Math.abs(f - frame) / reach);
                for (int k : byFrame.get(f)) {
                    if (!taken[k]) {
                        uncovered[k] *= 1 - near * similarity(direction, best, k);
                    }
                }
            }
        }
        return chosen;
    }

    private static float[][] unitEmbeddings(CandidatePool pool, int[] open) {
        int dimension = pool.embeddingDimension();
        if (dimension == 0) {
            return null;
        }
        float[][] unit = new float[open.length][dimension];
        for (int k = 0; k < open.length; k++) {
            pool.copyEmbedding(open[k], unit[k]);
            double norm = 0;
            for (float v : unit[k]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int d = 0; d < dimension; d++) {
                    unit[k][d] /= norm;
                }
            }
        }
        return unit;
    }

    private static double similarity(float[][] unit, int a, int b) {
        if (unit == null) {
            return 1;
        }
        double dot = 0;
        for (int d = 0; d < unit[a].length; d++) {
            dot += unit[a][d] * unit[b][d];
        }
        return Math.max(0, Math.min(1, dot));
    }
}
