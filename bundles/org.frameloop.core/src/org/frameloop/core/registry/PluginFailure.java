package org.frameloop.core.registry;

/**
 * A contribution threw while it was used (not while it was created): the message names the contribution,
 * the bundle that contributed it and the call, e.g. "model 'unet' from org.frameloop.model.djl failed in
 * fineTune: IllegalStateException: ...". Thrown by the instances {@link Contribution#createGuarded} makes.
 */
public class PluginFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String contributionId;
    private final String bundleName;

    public PluginFailure(String message, String contributionId, String bundleName, Throwable cause) {
        super(message, cause);
        this.contributionId = contributionId;
        this.bundleName = bundleName;
    }

    public String contributionId() {
        return contributionId;
    }

    /** The symbolic name of the bundle that contributed the failing contribution. */
    public String bundleName() {
        return bundleName;
    }
}
