package jlab.ledger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what dead sessions left behind: for every {@code <base>/<session>/ledger.jsonl} whose owner no
 * longer runs (no such pid, or the pid now has another start time), releases its live resources newest
 * first and removes the session directory. Sessions of running owners are never touched. Run by
 * {@code jlab cleanup} and at every start.
 */
public final class Cleanup {
    /** How long a session directory may lack its owner line before it counts as abandoned. */
    public static final Duration UNOWNED_GRACE = Duration.ofSeconds(30);
    private static final Pattern SESSION_NAME = Pattern.compile("s(\\d{1,10})-[0-9a-f]+");

    private final Path base;
    private final StartTimes startTimes;
    private final Releaser releaser;
    private final Duration unownedGrace;
    private final Clock clock;

    public Cleanup(Path base, StartTimes startTimes, Releaser releaser) {
        this(base, startTimes, releaser, UNOWNED_GRACE, Clock.systemUTC());
    }

    Cleanup(Path base, StartTimes startTimes, Releaser releaser, Duration unownedGrace, Clock clock) {
        this.base = base.toAbsolutePath().normalize();
        this.startTimes = startTimes;
        this.releaser = releaser;
        this.unownedGrace = unownedGrace;
        this.clock = clock;
    }

    public CleanupReport run() throws IOException {
        List<CleanupReport.Cleaned> cleaned = new ArrayList<>();
        List<CleanupReport.Skipped> skipped = new ArrayList<>();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) return new CleanupReport(cleaned, skipped);
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            entries.forEach(dirs::add);
        }
        dirs.sort(null);
        for (Path dir : dirs) {
            String id = dir.getFileName().toString();
            try {
                cleanOne(dir, id, cleaned, skipped);
            } catch (IOException e) {
                skipped.add(new CleanupReport.Skipped(id, "could not be read: " + e));
            }
        }
        return new CleanupReport(cleaned, skipped);
    }

    private void cleanOne(Path dir, String id, List<CleanupReport.Cleaned> cleaned, List<CleanupReport.Skipped> skipped)
            throws IOException {
        Matcher name = SESSION_NAME.matcher(id);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !name.matches()) {
            skipped.add(new CleanupReport.Skipped(id, "not a jlab session directory (s<pid>-<hex>)"));
            return;
        }
        int namedPid = Integer.parseInt(name.group(1));
        Path file = dir.resolve(Ledger.FILE_NAME);
        // A first look without the lock: reading another descriptor later would drop a POSIX lock we held.
        Optional<SessionOwner> owner = peekOwner(file);
        Verdict verdict = judge(owner, namedPid, dir);
        if (!verdict.dead()) {
            skipped.add(new CleanupReport.Skipped(id, verdict.why()));
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            cleaned.add(new CleanupReport.Cleaned(id, owner, verdict.why(), removeDirOnly(dir),
                    List.of("missing: jlab stopped before writing it")));
            return;
        }
        Optional<Ledger.Adopted> adopted = Ledger.adopt(dir);
        if (adopted.isEmpty()) {
            skipped.add(new CleanupReport.Skipped(id, "its ledger is locked by another process (its owner, or another cleanup)"));
            return;
        }
        try (Ledger ledger = adopted.get().ledger()) {
            LedgerContents contents = adopted.get().contents();
            Verdict locked = judge(contents.owner(), namedPid, dir);
            if (!locked.dead()) {
                skipped.add(new CleanupReport.Skipped(id, locked.why()));
                return;
            }
            cleaned.add(new CleanupReport.Cleaned(id, contents.owner(), locked.why(), ledger.teardown(releaser),
                    contents.problems()));
        }
    }

    private static Optional<SessionOwner> peekOwner(Path file) throws IOException {
        try {
            return LedgerContents.read(file).owner();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private record Verdict(boolean dead, String why) {}

    private Verdict judge(Optional<SessionOwner> owner, int namedPid, Path dir) throws IOException {
        if (owner.isPresent()) {
            ProcessIdentity p = owner.get().process();
            OptionalLong now = startTimes.startTime(p.pid());
            if (now.isEmpty()) return new Verdict(true, "owner pid " + p.pid() + " is gone");
            if (now.getAsLong() != p.startTime()) {
                return new Verdict(true, "owner pid " + p.pid() + " is gone; the pid now belongs to a process started at "
                        + now.getAsLong() + ", not " + p.startTime());
            }
            return new Verdict(false, "its owner, jlab pid " + p.pid() + ", still runs");
        }
        // No owner line: jlab died between creating the directory and writing it, or is doing so right now.
        if (startTimes.startTime(namedPid).isEmpty()) {
            return new Verdict(true, "no owner line, and pid " + namedPid + " from its name is gone");
        }
        Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
        if (modified.plus(unownedGrace).isBefore(clock.instant())) {
            return new Verdict(true, "no owner line for more than " + unownedGrace.toSeconds() + " s: abandoned");
        }
        return new Verdict(false, "being created by pid " + namedPid);
    }

    private TeardownReport removeDirOnly(Path dir) {
        TeardownReport.Builder report = new TeardownReport.Builder();
        Resource.Directory resource = new Resource.Directory(dir);
        try {
            report.released(resource, releaser.release(resource));
        } catch (RuntimeException e) {
            report.failed(resource, Ledger.reason(e));
        }
        return report.build();
    }
}
