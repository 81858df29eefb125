package org.frameloop.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frameloop.core.registry.PluginChoice;

/**
 * A granularity as the bench command line names it: {@code rect16} is the {@code rect} contribution with
 * {@code sizePx=16}; any other name ({@code frame}, {@code superpixel}, {@code adaptive}) is a contribution
 * id with its default parameters.
 *
 * @param name   what the user wrote; it names the result folders and table rows
 * @param choice the contribution and parameters it stands for
 */
public record GranularityOption(String name, PluginChoice choice) {

    private static final Pattern RECTANGLE = Pattern.compile("rect(\\d+)");

    /** @throws IllegalArgumentException when {@code name} is empty or not usable as a folder name */
    public static GranularityOption parse(String name) {
        String trimmed = name.trim();
        if (!trimmed.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("granularity name '" + name + "' must be letters, digits, '-', '_' or '.'");
        }
        Matcher rectangle = RECTANGLE.matcher(trimmed);
        if (rectangle.matches()) {
            return new GranularityOption(trimmed, new PluginChoice("rect", Map.of("sizePx", rectangle.group(1))));
        }
        return new GranularityOption(trimmed, PluginChoice.of(trimmed));
    }
}
