package org.frameloop.core.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One contribution chosen by id, with the parameter values the user gave it as text (the rest keep the
 * defaults its plugin.xml declares). Plugins are always found by id through the registry, never by class.
 * The id {@value #NONE} switches an optional role (flow, fusion) off.
 */
public record PluginChoice(String id, Map<String, String> parameters) {

    /** The id that means "no contribution" for an optional role. */
    public static final String NONE = "none";

    public PluginChoice {
        Objects.requireNonNull(id, "id");
        // in the order given, so labels and fingerprints are stable; absent in older project files
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    public static PluginChoice of(String id) {
        return new PluginChoice(id, Map.of());
    }

    public boolean isNone() {
        return NONE.equals(id);
    }

    /** {@code id} alone, or {@code id(key=value,...)}, for tables and reports. */
    public String label() {
        return parameters.isEmpty() ? id
                : parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",", id + "(", ")"));
    }
}
