package org.frameloop.select;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.SampleSelector;

/**
 * Picks the samples whose labels would fix the most of what neither carried labels nor the model cover.
 * A candidate's uncertainty (of the combined labels, when the loop fuses them) stands for the errors left
 * in it; labelling a candidate also fixes much of its neighbours in time, since its labels are carried
 * along the flow and the model learns them: a candidate at distance Δt and embedding similarity s
 * (cosine, negative counted as 0; 1 without embeddings) is taken to be covered by {@code exp(-|Δt| / reach) s}.
 * <p>
 * The picks are greedy in what they cover: each takes the candidate whose labels would cover the most
 * uncertainty still uncovered, its own and its neighbours' (a facility-location gain), then discounts every
 * candidate near it by what it covers. So a lone uncertain frame between certain ones loses to a frame in the
 * middle of an uncertain stretch, uncertain stretches get several picks spread out, and certain ones none.
 * Within one frame the most uncertain candidate comes first (a rectangle's labels reach about one rectangle of
 * each neighbouring frame, so a neighbouring frame counts with its mean candidate).
 * (Until 2026-12-03 each pick took the candidate with the most uncertainty of its own; with the pretrained
 * model's noisy first-round uncertainty that clumped picks, and the first round's labels lost to evenly spread
 * keyframes: docs/benchmarks.md.)
 * <p>
 * The reach defaults to half the even spacing of this round's picks ({@code frames / (2 b)}, at least one
 * frame), so a round with even uncertainty degenerates to evenly spread keyframes. Neighbours are summed per
 * frame through the sum of their uncertainty-weighted unit embeddings, so a gain costs one dot product per
 * frame in reach; gains only fall as picks are made, so they are recomputed lazily (the best stale gain is
 * recomputed until it stays best). Deterministic: the random source is not used; ties go to the lower index.
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
        Neighbourhood video = new Neighbourhood(pool, open, frames, reach);

        int picks = Math.min(budget, open.length);
        int[] chosen = new int[picks];
        // lazy greedy: entries hold gains computed earlier, which can only have fallen since
        PriorityQueue<double[]> stale = new PriorityQueue<>(
                (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int k = 0; k < open.length; k++) {
            stale.add(new double[] { video.gain(k), k });
        }
        for (int p = 0; p < picks; p++) {
            while (true) {
                double[] top = stale.poll();
                int k = (int) top[1];
                double gain = video.gain(k);
                double[] next = stale.peek();
                if (next == null || gain > next[0] || (gain == next[0] && k < next[1])) {
                    chosen[p] = open[k];
                    video.take(k);
                    break;
                }
                stale.add(new double[] { gain, k });
            }
        }
        return chosen;
    }

    /** The open candidates' uncovered uncertainty, by frame, with what a pick would cover. */
    private static final class Neighbourhood {
        private final CandidatePool pool;
        private final int[] open;
        private final double reach;
        private final int window;
        private final List<List<Integer>> byFrame;
        private final float[][] direction;
        private final double[] uncovered;
        /** Per frame: the sum of its open candidates' uncovered uncertainty times their unit embeddings. */
        private final double[][] frameSum;

        Neighbourhood(CandidatePool pool, int[] open, int frames, double reach) {
            this.pool = pool;
            this.open = open;
            this.reach = reach;
            window = (int) Math.ceil(-Math.log(NEGLIGIBLE) * reach);
            byFrame = new ArrayList<>(frames);
            for (int f = 0; f < frames; f++) {
                byFrame.add(new ArrayList<>());
            }
            for (int k = 0; k < open.length; k++) {
                byFrame.get(pool.frameOf(open[k])).add(k);
            }
            direction = unitEmbeddings(pool, open);
            uncovered = new double[open.length];
            for (int k = 0; k < open.length; k++) {
                double u = pool.uncertainty(open[k]);
                uncovered[k] = Double.isNaN(u) ? 0 : Math.max(0, u);
            }
            frameSum = new double[frames][];
            for (int f = 0; f < frames; f++) {
                sumFrame(f);
            }
        }

        private void sumFrame(int f) {
            double[] sum = new double[direction == null ? 1 : direction[0].length];
            for (int k : byFrame.get(f)) {
                if (direction == null) {
                    sum[0] += uncovered[k];
                } else {
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += uncovered[k] * direction[k][d];
                    }
                }
            }
            frameSum[f] = sum;
        }

        /**
         * The uncovered uncertainty labelling candidate {@code k} would cover: its own, and in every other frame in
         * reach its share of that frame's (the frame's sum over its candidates, weighted by similarity, divided by
         * their number: a rectangle's labels carry to about one rectangle's worth of a neighbouring frame, a whole
         * frame's to the whole of it). The other candidates of its own frame are not counted: all would count the
         * same for each, and without embeddings the gain could not tell the frame's uncertain parts from its
         * certain ones.
         */
        double gain(int k) {
            int frame = pool.frameOf(open[k]);
            double gain = uncovered[k];
            for (int f = Math.max(0, frame - window); f <= Math.min(frameSum.length - 1, frame + window); f++) {
                int candidates = byFrame.get(f).size();
                if (f == frame || candidates == 0) {
                    continue;
                }
                double[] sum = frameSum[f];
                double similar;
                if (direction == null) {
                    similar = sum[0];
                } else {
                    similar = 0;
                    for (int d = 0; d < sum.length; d++) {
                        similar += direction[k][d] * sum[d];
                    }
                }
                gain += Math.exp(-Math.abs(f - frame) / reach) * Math.max(0, similar) / candidates;
            }
            return gain;
        }

        /** Takes candidate {@code k}: its neighbours are covered by what its labels will reach. */
        void take(int k) {
            int frame = pool.frameOf(open[k]);
            for (int f = Math.max(0, frame - window); f <= Math.min(frameSum.length - 1, frame + window); f++) {
                double near = Math.exp(-Math.abs(f - frame) / reach);
                for (int j : byFrame.get(f)) {
                    uncovered[j] *= 1 - near * similarity(direction, k, j);
                }
                sumFrame(f);
            }
            uncovered[k] = 0;
            sumFrame(frame);
        }
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
