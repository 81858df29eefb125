package org.frameloop.run;

import java.util.random.RandomGenerator;

import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.SampleSelector;

/** A selector with a bug: it throws on every call (contributed by this fragment's fragment.xml). */
public class ThrowingSelector implements SampleSelector {

    @Override
    public int[] select(CandidatePool pool, int budget, RandomGenerator random) {
        throw new IllegalStateException("deliberately broken");
    }
}
