package jlab.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a ledger file says: its owner and the resources created and not yet released, in creation order.
 * Lines that cannot be read are listed in {@code problems} rather than failing the whole file: a
 * {@code kill -9} during a write leaves a truncated last line, and the resource of a truncated
 * {@code create} line was never made (lines are written before the resource is created).
 */
public record LedgerContents(Optional<SessionOwner> owner, List<Resource> live, List<String> problems) {

    public LedgerContents {
        live = List.copyOf(live);
        problems = List.copyOf(problems);
    }

    public static LedgerContents read(Path ledgerFile) throws IOException {
        return parse(Files.readString(ledgerFile, StandardCharsets.UTF_8));
    }

    public static LedgerContents parse(String text) {
        Optional<SessionOwner> owner = Optional.empty();
        List<Resource> live = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // A file ending in '\n' splits into a last empty string; anything else in the last slot was cut short.
        int complete = lines.length - 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            LedgerCodec.Line decoded;
            try {
                decoded = LedgerCodec.decode(line);
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + (i == complete ? " (truncated, jlab was killed while writing it)" : "")
                        + ": " + e.getMessage());
                continue;
            }
            switch (decoded) {
                case LedgerCodec.Line.Owner(SessionOwner o) -> {
                    if (owner.isPresent()) problems.add("line " + (i + 1) + ": a second owner line, ignored");
                    else owner = Optional.of(o);
                }
                case LedgerCodec.Line.Create(Resource r) -> live.add(r);
                case LedgerCodec.Line.Release(Resource r) -> {
                    // The last one: the same mount target can be stacked, and teardown runs newest first.
                    int at = live.lastIndexOf(r);
                    if (at >= 0) live.remove(at);
                    else problems.add("line " + (i + 1) + ": release of " + r.describe() + " that was never created");
                }
            }
        }
        return new LedgerContents(owner, live, problems);
    }
}
