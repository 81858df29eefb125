package org.frameloop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frameloop.run.ProjectLocations;

/**
 * Parses {@code --name value} / {@code --name=value} options against a declared set; repeatable options
 * collect their values. Anything undeclared is a {@link UsageException}.
 */
final class Options {

    /** A declared option: its name (without dashes), value placeholder and help line. */
    record Spec(String name, String placeholder, String help, boolean repeatable) {
        boolean isFlag() {
            return placeholder == null;
        }
    }

    private final String command;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> lists = new HashSet<>();

    Options(String command) {
        this.command = command;
        flag("help", "print this help");
    }

    Options option(String name, String placeholder, String help) {
        specs.put(name, new Spec(name, placeholder, help, false));
        return this;
    }

    Options repeatable(String name, String placeholder, String help) {
        specs.put(name, new Spec(name, placeholder, help, true));
        return this;
    }

    /**
     * A repeatable option that also takes several values in a row ({@code --videos A B C}) and values
     * separated by commas ({@code --selectors hybrid,random}); read it with {@link #list}.
     */
    Options list(String name, String placeholder, String help) {
        lists.add(name);
        return repeatable(name, placeholder + "...", help);
    }

    Options flag(String name, String help) {
        specs.put(name, new Spec(name, null, help, false));
        return this;
    }

    Options parse(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new UsageException("unexpected argument '" + argument + "' (options start with --)");
            }
            String name = argument.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Spec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("unknown option --" + name + " (see ./frameloop " + command + " --help)");
            }
            if (spec.isFlag()) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException("--" + name + " needs a value: --" + name + " " + spec.placeholder());
                }
                value = arguments.get(++i);
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!spec.repeatable() && !list.isEmpty()) {
                throw new UsageException("--" + name + " given twice");
            }
            list.add(value);
            while (lists.contains(name) && i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                list.add(arguments.get(++i));
            }
        }
        return this;
    }

    /** Every value of a {@link #list} option, commas split, blanks dropped; empty when not given. */
    List<String> allValues(String name) {
        List<String> all = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    all.add(part.trim());
                }
            }
        }
        return all;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.get(0);
    }

    String require(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new UsageException("--" + name + " is required (see ./frameloop " + command + " --help)");
        }
        return value;
    }

    int getInt(String name, int fallback, int min) {
        String text = get(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + text + "'");
        }
    }

    long getLong(String name, long fallback) {
        return getLong(name, fallback, Long.MIN_VALUE);
    }

    long getLong(String name, long fallback, long min) {
        String text = get(name, null);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + text + "'");
        }
        if (value < min) {
            throw new UsageException("--" + name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    double getDouble(String name, double fallback, double min, double max) {
        String text = get(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must lie in [" + min + ", " + max + "], was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + text + "'");
        }
    }

    /** Every value of a repeatable option, in order. */
    List<String> keyValuesOrList(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** Values of a repeatable {@code key=value} option as a map. */
    Map<String, String> keyValues(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : values.getOrDefault(name, List.of())) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--" + name + " takes key=value, was '" + pair + "'");
            }
            map.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return map;
    }

    /** An existing folder given by option {@code name}. */
    Path existingFolder(String name, String value) {
        Path path = Paths.get(value);
        if (!Files.isDirectory(path)) {
            throw new UsageException("--" + name + " " + value + ": no such folder");
        }
        return path;
    }

    /**
     * A project that must exist: a folder, or a database address (checked here, opened later). A wrong
     * address is named without repeating a password.
     */
    String existingProject(String name, String value) {
        if (ProjectLocations.isAddress(value)) {
            return projectAddress(name, value);
        }
        return existingFolder(name, value).toString();
    }

    /** A project to make or continue: a folder (it need not exist) or a checked database address. */
    String projectLocation(String name, String value) {
        return ProjectLocations.isAddress(value) ? projectAddress(name, value) : value;
    }

    private static String projectAddress(String name, String value) {
        try {
            ProjectLocations.requireValidAddress(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    Path existingFile(String name, String value) {
        Path path = Paths.get(value);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("--" + name + " " + value + ": no such file");
        }
        return path;
    }

    String help(String usage, String description) {
        StringBuilder text = new StringBuilder("usage: ./frameloop ").append(command).append(' ').append(usage)
                .append("\n\n").append(description).append("\n\noptions:\n");
        for (Spec spec : specs.values()) {
            String left = "--" + spec.name() + (spec.isFlag() ? "" : " " + spec.placeholder());
            text.append(String.format("  %-30s %s%s%n", left, spec.help(), spec.repeatable() ? " (repeatable)" : ""));
        }
        return text.toString();
    }
}
