package org.frameloop.core.sample;

import java.util.Objects;

/**
 * The candidates of one selection round, held in primitive arrays so that a 1,000-frame video cut into
 * 16×16 rectangles (hundreds of thousands of candidates) stays compact. Candidate {@code i} lies in frame
 * {@link #frameOf(int)}, has an uncertainty score (higher = less certain), an embedding of
 * {@link #embeddingDimension()} floats (0 when the model gives none), and a flag saying whether it was
 * already annotated (a selector must never return those). The loop also tells, per candidate, the share of
 * its pixels the model gives each class, and how many pixels of each class people have labelled so far
 * ({@link #hasClasses()}; a pool built without them has none).
 */
public final class CandidatePool {

    private final int videoFrameCount;
    private final int[] frames;
    private final double[] uncertainty;
    private final float[] embeddings;
    private final int embeddingDimension;
    private final boolean[] annotated;
    private int classCount;
    private float[] classShares = new float[0];
    private long[] humanPixels = new long[0];

    public CandidatePool(int videoFrameCount, int[] frames, double[] uncertainty, float[] embeddings,
            int embeddingDimension, boolean[] annotated) {
        this.videoFrameCount = videoFrameCount;
        this.frames = Objects.requireNonNull(frames, "frames");
        this.uncertainty = Objects.requireNonNull(uncertainty, "uncertainty");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.annotated = Objects.requireNonNull(annotated, "annotated");
        this.embeddingDimension = embeddingDimension;
        int n = uncertainty.length;
        if (frames.length != n || annotated.length != n || embeddings.length != (long) n * embeddingDimension) {
            throw new IllegalArgumentException("candidate arrays disagree: " + n + " scores, " + frames.length
                    + " frame indices, " + annotated.length + " flags, " + embeddings.length
                    + " embedding floats of dimension " + embeddingDimension);
        }
    }

    /**
     * This pool with class information: {@code classShares[candidate * classCount + c]} is the share of the
     * candidate's pixels the model labels class {@code c}; {@code humanPixelsPerClass[c]} the pixels of class
     * {@code c} labelled by people in the whole video so far.
     *
     * @return this pool
     */
    public CandidatePool withClasses(int classes, float[] shares, long[] humanPixelsPerClass) {
        if (shares.length != (long) size() * classes || humanPixelsPerClass.length != classes) {
            throw new IllegalArgumentException("class arrays disagree: " + shares.length + " shares and "
                    + humanPixelsPerClass.length + " human counts for " + size() + " candidates of " + classes
                    + " classes");
        }
        this.classCount = classes;
        this.classShares = shares;
        this.humanPixels = humanPixelsPerClass;
        return this;
    }

    /** Whether {@link #classShare} and {@link #humanPixels} are known. */
    public boolean hasClasses() {
        return classCount > 0;
    }

    /** Number of class ids (the label map's id span); 0 when the pool has no class information. */
    public int classCount() {
        return classCount;
    }

    /** Share, in [0, 1], of candidate {@code candidate}'s pixels that the model labels {@code classId}. */
    public float classShare(int candidate, int classId) {
        return classShares[candidate * classCount + classId];
    }

    /** Pixels of class {@code classId} that people have labelled in the video so far. */
    public long humanPixels(int classId) {
        return humanPixels[classId];
    }

    public int size() {
        return uncertainty.length;
    }

    /** Number of frames of the whole video (some may have no candidate left). */
    public int videoFrameCount() {
        return videoFrameCount;
    }

    public int frameOf(int candidate) {
        return frames[candidate];
    }

    public double uncertainty(int candidate) {
        return uncertainty[candidate];
    }

    public boolean isAnnotated(int candidate) {
        return annotated[candidate];
    }

    public int embeddingDimension() {
        return embeddingDimension;
    }

    /** Component {@code d} of candidate {@code candidate}'s embedding. */
    public float embedding(int candidate, int d) {
        return embeddings[candidate * embeddingDimension + d];
    }

    /** Copies candidate {@code candidate}'s embedding into {@code target} (length >= dimension). */
    public void copyEmbedding(int candidate, float[] target) {
        System.arraycopy(embeddings, candidate * embeddingDimension, target, 0, embeddingDimension);
    }
}
