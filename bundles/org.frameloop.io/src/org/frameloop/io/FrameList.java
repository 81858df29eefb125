package org.frameloop.io;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Frame numbers for messages: "0-19, 25, 30-31", ranges for runs. */
final class FrameList {

    private FrameList() {
    }

    static String describe(Collection<Integer> frames) {
        List<Integer> sorted = List.copyOf(new TreeSet<>(frames));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int first = sorted.get(i);
            int last = first;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == last + 1) {
                last = sorted.get(++i);
            }
            text.append(text.length() == 0 ? "" : ", ").append(first == last ? "" + first : first + "-" + last);
        }
        return text.toString();
    }

    /** Up to {@code most} file names, then "and N more". */
    static String someNames(List<String> names, int most) {
        String shown = String.join(", ", names.subList(0, Math.min(most, names.size())));
        return names.size() > most ? shown + " and " + (names.size() - most) + " more" : shown;
    }
}
