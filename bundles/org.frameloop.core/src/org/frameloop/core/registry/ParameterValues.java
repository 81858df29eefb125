package org.frameloop.core.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checked values of a contribution's declared parameters: every declared name is present. */
public final class ParameterValues {

    private final Map<String, Object> values;

    private ParameterValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Applies user-given text values over the declared defaults.
     *
     * @throws IllegalArgumentException naming the parameter when a name is undeclared or a value invalid
     */
    public static ParameterValues resolve(List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String text = given.getOrDefault(spec.name(), spec.defaultValue());
            values.put(spec.name(), spec.parse(text));
        }
        for (String name : given.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' (declared: "
                        + specs.stream().map(ParameterSpec::name).toList() + ")");
            }
        }
        return new ParameterValues(values);
    }

    public int getInt(String name) {
        return Math.toIntExact((Long) require(name));
    }

    public long getLong(String name) {
        return (Long) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /** A STRING or CHOICE parameter. */
    public String getString(String name) {
        return (String) require(name);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' is declared");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
