package jlab.progress;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@link LabProgress} as JSON, version {@value LabProgress#VERSION}; fields unknown to this version are ignored. */
public final class ProgressCodec {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ProgressCodec() {}

    public static byte[] encode(LabProgress progress) {
        try {
            return (JSON.writeValueAsString(progress) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("progress could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads one lab's progress; {@code expectedLab} is the lab its file name says.
     *
     * @throws IOException with a one-line reason when it is not JSON, not version 1, or not that lab's
     */
    public static LabProgress decode(byte[] json, String expectedLab) throws IOException {
        LabProgress p;
        try {
            p = JSON.readValue(json, LabProgress.class);
        } catch (JsonProcessingException e) {
            throw new IOException("it is not valid progress JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (p == null) throw new IOException("it is empty");
        if (p.version() != LabProgress.VERSION) {
            throw new IOException("it has version " + p.version() + ", this jlab reads version " + LabProgress.VERSION);
        }
        if (!expectedLab.equals(p.lab())) throw new IOException("it belongs to lab '" + p.lab() + "', not '" + expectedLab + "'");
        if (p.step() < 1 || p.stepCount() < 1 || p.step() > p.stepCount()) {
            throw new IOException("its step " + p.step() + " is outside 1-" + p.stepCount());
        }
        return p;
    }
}
