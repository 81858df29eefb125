package org.frameloop.model.djl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonObject;

/**
 * Checkpoints shipped inside this bundle, under {@code checkpoints/NAME/} (see
 * {@code checkpoints/README.md}). Found through the bundle's entries, so they work whether the
 * bundle is a folder or a jar (then Equinox extracts the files into its cache first).
 */
final class BundledCheckpoints {

    static final String FOLDER = "checkpoints";
    static final String DEFAULT = "default";

    private BundledCheckpoints() {
    }

    /** Names of the checkpoints this bundle ships, sorted; empty outside OSGi. */
    static List<String> names() {
        Bundle bundle = FrameworkUtil.getBundle(BundledCheckpoints.class);
        if (bundle == null) {
            return List.of();
        }
        Enumeration<String> entries = bundle.getEntryPaths(FOLDER + "/");
        List<String> names = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : Collections.list(entries)) {
            if (entry.endsWith("/")) {
                String name = entry.substring(FOLDER.length() + 1, entry.length() - 1);
                if (bundle.getEntry(entry + CheckpointFolder.MANIFEST) != null) {
                    names.add(name);
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The shipped checkpoint to start from for a video with {@code labelMap}: one trained for exactly these
     * classes (e.g. {@code camvid} for CamVid's 11), else {@code default} (whose head is then replaced).
     */
    static Optional<Path> bestFor(LabelMap labelMap) throws IOException {
        for (String name : names()) {
            if (name.equals(DEFAULT)) {
                continue;
            }
            Path folder = find(name).orElseThrow();
            if (UNetNetwork.sameClasses(LabelMapJson.read(folder.resolve(CheckpointFolder.LABEL_MAP)), labelMap)) {
                return Optional.of(folder);
            }
        }
        return find(DEFAULT);
    }

    /** The folder of checkpoint {@code name} on disk, or empty when this bundle ships none by that name. */
    static Optional<Path> find(String name) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(BundledCheckpoints.class);
        if (bundle == null) {
            return Optional.empty(); // not running in OSGi
        }
        String folder = FOLDER + "/" + name + "/";
        URL manifest = FileLocator.find(bundle, IPath.fromPortableString(folder + CheckpointFolder.MANIFEST));
        if (manifest == null) {
            return Optional.empty();
        }
        Path manifestFile = toFile(manifest);
        Path directory = manifestFile.getParent();
        // A jar-shaped bundle extracts entries one by one: ask for every file the folder needs.
        toFile(FileLocator.find(bundle, IPath.fromPortableString(folder + CheckpointFolder.LABEL_MAP)));
        JsonObject json = CheckpointFolder.readManifest(directory);
        toFile(FileLocator.find(bundle, IPath.fromPortableString(folder + json.get("weights").getAsString())));
        return Optional.of(directory);
    }

    private static Path toFile(URL entry) throws IOException {
        if (entry == null) {
            throw new IOException("the bundled checkpoint is incomplete: a file its manifest names is missing");
        }
        try {
            return Path.of(FileLocator.toFileURL(entry).toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot open the bundled checkpoint file " + entry + " (" + e.getMessage() + ")", e);
        }
    }
}
