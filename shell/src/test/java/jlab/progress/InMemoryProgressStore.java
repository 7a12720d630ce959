package jlab.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Progress kept in a map, through the same JSON codec as the file store so tests see what a file would hold. */
public final class InMemoryProgressStore implements ProgressStore {
    private final TreeMap<String, byte[]> saved = new TreeMap<>();
    public int saves;

    @Override public Optional<LabProgress> load(String labId) {
        byte[] json = saved.get(labId);
        if (json == null) return Optional.empty();
        try {
            return Optional.of(ProgressCodec.decode(json, labId));
        } catch (java.io.IOException e) {
            throw new AssertionError("the engine saved progress that does not read back: " + e.getMessage(), e);
        }
    }

    @Override public void save(LabProgress progress) {
        saves++;
        saved.put(progress.lab(), ProgressCodec.encode(progress));
    }

    @Override public void clear(String labId) {
        saved.remove(labId);
    }

    @Override public List<LabProgress> all() {
        List<LabProgress> all = new ArrayList<>();
        for (String id : saved.keySet()) load(id).ifPresent(all::add);
        return all;
    }
}
