package jlab.progress;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Progress on disk: {@code <dir>/<lab>.json} per lab, written atomically ({@link AtomicFiles}). A file
 * that cannot be read is renamed {@code <lab>.json.corrupt-<timestamp>} and reported in one sentence;
 * a failing save is reported once per store. Nothing here throws at the learner.
 */
public final class FileProgressStore implements ProgressStore {
    private static final Pattern LAB_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StateLocation location;
    private final Consumer<String> notice;
    private final Clock clock;
    private boolean saveFailed;

    public FileProgressStore(StateLocation location, Consumer<String> notice, Clock clock) {
        this.location = location;
        this.notice = notice;
        this.clock = clock;
    }

    /** The store of the learner who invoked jlab (the sudo user under sudo), reporting to {@code notice}. */
    public static FileProgressStore forInvokingUser(Consumer<String> notice) {
        return new FileProgressStore(StateLocation.of(System.getenv()), notice, Clock.systemUTC());
    }

    public StateLocation location() { return location; }

    @Override public String learner() { return location.learner(); }

    @Override public Optional<StateLocation.Owner> owner() { return location.owner(); }

    Path file(String labId) {
        if (!LAB_ID.matcher(labId).matches()) throw new IllegalArgumentException("'" + labId + "' is not a lab id");
        return location.dir().resolve(labId + ".json");
    }

    @Override public Optional<LabProgress> load(String labId) {
        Path file = file(labId);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            notice.accept("Your progress in " + labId + " could not be read from " + file + " (" + AtomicFiles.describe(e) + "); this session starts afresh.");
            return Optional.empty();
        }
        try {
            return Optional.of(ProgressCodec.decode(bytes, labId));
        } catch (IOException e) {
            setAside(file, e.getMessage());
            return Optional.empty();
        }
    }

    private void setAside(Path file, String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside);
            notice.accept("Progress file " + file + " was unreadable (" + reason + "), so it was set aside as "
                    + aside.getFileName() + " and this lab starts afresh.");
        } catch (IOException e) {
            notice.accept("Progress file " + file + " is unreadable (" + reason + ") and could not be set aside ("
                    + AtomicFiles.describe(e) + "): move it away by hand to keep your progress from now on.");
        }
    }

    @Override public void save(LabProgress progress) {
        try {
            AtomicFiles.write(file(progress.lab()), ProgressCodec.encode(progress), location.owner());
            saveFailed = false;
        } catch (IOException e) {
            if (!saveFailed) {
                notice.accept("Your progress could not be saved in " + location.dir() + " (" + AtomicFiles.describe(e)
                        + "): check that the directory is writable; the lab goes on.");
            }
            saveFailed = true;
        }
    }

    @Override public void clear(String labId) {
        try {
            Files.deleteIfExists(file(labId));
        } catch (IOException e) {
            notice.accept("Your saved progress in " + labId + " could not be removed (" + AtomicFiles.describe(e) + ").");
        }
    }

    @Override public List<LabProgress> all() {
        List<LabProgress> found = new ArrayList<>();
        if (!Files.isDirectory(location.dir())) return found;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(location.dir(), "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                if (LAB_ID.matcher(id).matches()) load(id).ifPresent(found::add);
            }
        } catch (IOException e) {
            notice.accept("Your progress could not be listed from " + location.dir() + " (" + AtomicFiles.describe(e) + ").");
        }
        found.sort(Comparator.comparing(LabProgress::lab));
        return found;
    }
}
