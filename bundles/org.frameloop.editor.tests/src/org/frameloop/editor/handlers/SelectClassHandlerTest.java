package org.frameloop.editor.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Keys for more than ten classes: 1..9, 0, then Alt+1..9, Alt+0 pick the label map's first twenty classes. */
class SelectClassHandlerTest {

    @Test
    void theKeysPickTheFirstTwentyClassesInOrder() {
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "Alt+1", "Alt+2", "Alt+3", "Alt+4",
                "Alt+5", "Alt+6", "Alt+7", "Alt+8", "Alt+9", "Alt+0", ""),
                IntStream.range(0, 21).mapToObj(SelectClassHandler::keyOf).toList());
        assertEquals(List.of(0, 8, 9, 10, 18, 19), List.of("1", "9", "0", "11", "19", "20").stream()
                .map(SelectClassHandler::classIndex).toList(), "the bindings' parameter values: 0 is the tenth");
    }
}
