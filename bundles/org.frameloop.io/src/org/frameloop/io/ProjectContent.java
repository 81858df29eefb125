package org.frameloop.io;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.frameloop.core.label.LabelMap;

import com.google.gson.JsonObject;

/**
 * Everything a project holds that a copy carries to another kind of project ({@code frameloop project copy}),
 * as exact bytes where there are files: the video's reference, the label map, the settings, the journal's
 * records in order, each frame's human and automatic label PNG, and the model checkpoint. Not carried: caches
 * (derived, rebuilt), locks, members (the copier owns the copy) and the journal's backup.
 *
 * @param journal        the journal's records in order, as {@code ledger.jsonl} holds them (without checksums):
 *                       "chosen", "sample", "import", "edit" and "round" records ({@link JournalJson})
 * @param humanLabels    each labelled frame's human label PNG, by frame
 * @param autoLabels     each predicted frame's automatic label PNG, by frame
 * @param autoRound      the round the automatic labels are from
 * @param checkpoint     the model checkpoint's files by name, empty when there is none
 * @param checkpointNote the note of which labels the checkpoint learnt (model-state.json), or null
 */
public record ProjectContent(VideoInfo video, LabelMap labelMap, JsonObject settings, List<JsonObject> journal,
        SortedMap<Integer, byte[]> humanLabels, SortedMap<Integer, byte[]> autoLabels, int autoRound,
        Map<String, byte[]> checkpoint, byte[] checkpointNote) {
}
