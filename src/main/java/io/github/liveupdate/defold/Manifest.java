package io.github.liveupdate.defold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resources that a Defold Live update manifest lists, in the manifest's order. */
public record Manifest(List<ResourceEntry> resources) {

    public Manifest {
        resources = List.copyOf(resources);
    }

    /**
     * Returns the hashes of the resources marked {@link ResourceEntry#EXCLUDED}, each with every url it appears
     * under, in the order the manifest first lists them.
     */
    public Map<String, List<String>> excludedResources() {
        Map<String, List<String>> urlsByHash = new LinkedHashMap<>();
        for (ResourceEntry resource : resources) {
            if (resource.excluded()) {
                urlsByHash
                        .computeIfAbsent(resource.hash(), hash -> new ArrayList<>(1))
                        .add(resource.url());
            }
        }
        return urlsByHash;
    }
}
