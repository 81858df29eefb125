package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.junit.jupiter.api.Test;

/** What leaving an open round would drop: the samples clicked on but not finished (their clicks count only then). */
class SampleQueueTest {

    private static final Sample FIRST = new Sample(0, new Region.Rectangle(0, 0, 4, 4));
    private static final Sample SECOND = new Sample(1, new Region.Rectangle(0, 0, 4, 4));

    @Test
    void workInHandIsTheSamplesClickedOnButNotFinished() {
        SampleQueue queue = new SampleQueue();
        queue.begin(1, List.of(FIRST, SECOND));
        assertEquals(List.of(), samples(queue.workInHand()), "nothing clicked yet");

        queue.addClicks(2);
        assertEquals(List.of(FIRST), samples(queue.workInHand()));
        queue.next();
        assertEquals(List.of(), samples(queue.workInHand()), "a finished sample is handed over with its clicks");
        queue.addClicks(1);
        assertEquals(List.of(SECOND), samples(queue.workInHand()));
        queue.finishRound();
        assertEquals(List.of(), samples(queue.workInHand()));

        queue.offer(1, List.of(FIRST), List.of(), entry -> false);
        queue.addClicks(1);
        assertEquals(List.of(FIRST), samples(queue.workInHand()), "an extra sample begun while the model works");
    }

    private static List<Sample> samples(List<SampleQueue.Entry> entries) {
        return entries.stream().map(SampleQueue.Entry::sample).toList();
    }
}
