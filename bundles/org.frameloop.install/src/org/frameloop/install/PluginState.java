package org.frameloop.install;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Whether an installed plugin is part of the running framework: what {@code plugins list}, doctor and the IDE show. */
public enum PluginState {
    LOADED("loaded"),
    NEXT_START("not in this run: it loads from the next start"),
    UNRESOLVED("installed but not resolved: a bundle it requires is missing");

    private final String description;

    PluginState(String description) {
        this.description = description;
    }

    /** For people: "loaded", "not in this run: it loads from the next start", ... */
    public String description() {
        return description;
    }

    /** The state of {@code plugin} in the framework of {@code context}. */
    public static PluginState of(InstalledPlugin plugin, BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (plugin.symbolicName().equals(bundle.getSymbolicName())) {
                return (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0 ? LOADED
                        : UNRESOLVED;
            }
        }
        return NEXT_START;
    }
}
