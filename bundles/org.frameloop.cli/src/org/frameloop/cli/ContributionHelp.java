package org.frameloop.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.ParameterSpec;
import org.frameloop.core.registry.PluginRegistry;

/**
 * The part of {@code --help} that lists the installed contributions a command can use, with their declared
 * parameters, read from the extension registry: a plugin installed with {@code ./frameloop plugins install}
 * shows up here as the built-in ones do, and nothing is written by hand twice.
 */
final class ContributionHelp {

    /** A kind of contribution and the options that choose it, e.g. selectors through "--selector ID". */
    record Role(ExtensionPoint<?> point, String options) {
    }

    private final List<Role> roles = new ArrayList<>();

    ContributionHelp role(ExtensionPoint<?> point, String options) {
        roles.add(new Role(point, options));
        return this;
    }

    /** The roles of one run: what {@code run} and {@code demo} choose with --ROLE ID and --ROLE-param K=V. */
    static ContributionHelp ofOneRun() {
        return new ContributionHelp().role(ExtensionPoint.MODELS, "--model ID, --model-param K=V")
                .role(ExtensionPoint.GRANULARITIES, "--granularity ID, --granularity-param K=V")
                .role(ExtensionPoint.SELECTORS, "--selector ID, --selector-param K=V")
                .role(ExtensionPoint.FLOWS, "--flow ID, --flow-param K=V")
                .role(ExtensionPoint.FUSIONS, "--fusion ID, --fusion-param K=V")
                .role(ExtensionPoint.CLICK_COSTS, "--click-cost ID, --click-cost-param K=V");
    }

    String describe(PluginRegistry registry) {
        StringBuilder text = new StringBuilder("\ninstalled contributions (from the extension registry; "
                + "./frameloop plugins install adds more):\n");
        for (Role role : roles) {
            List<? extends Contribution<?>> contributions = registry.contributions(role.point());
            text.append(String.format(Locale.ROOT, "%n  %s (%s):%n", role.point().title(), role.options()));
            if (contributions.isEmpty()) {
                text.append("    none installed\n");
            }
            for (Contribution<?> contribution : contributions) {
                text.append(String.format(Locale.ROOT, "    %-20s %s  [%s]%n", contribution.id(), contribution.name(),
                        contribution.bundleName()));
                for (ParameterSpec parameter : contribution.parameters()) {
                    text.append(String.format(Locale.ROOT, "      %s=%s  %s%n", parameter.name(), typeOf(parameter),
                            parameter.description()));
                }
            }
        }
        return text.toString();
    }

    /** "integer, default 16, at least 2", "choice of a|b, default a". */
    private static String typeOf(ParameterSpec parameter) {
        StringBuilder text = new StringBuilder(parameter.type().name().toLowerCase(Locale.ROOT));
        if (!parameter.choices().isEmpty()) {
            text.append(" of ").append(String.join("|", parameter.choices()));
        }
        text.append(", default ").append(parameter.defaultValue().isEmpty() ? "empty" : parameter.defaultValue());
        if (parameter.min() != null && parameter.max() != null) {
            text.append(", ").append(number(parameter.min())).append("..").append(number(parameter.max()));
        } else if (parameter.min() != null) {
            text.append(", at least ").append(number(parameter.min()));
        } else if (parameter.max() != null) {
            text.append(", at most ").append(number(parameter.max()));
        }
        return "(" + text + ")";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
