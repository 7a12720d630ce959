package jlab.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ledger of one session: {@code <base>/<sessionId>/ledger.jsonl}. Call {@link #record} BEFORE creating
 * a resource (the line is on disk when it returns) and {@link #released} after it is gone; {@link #teardown}
 * undoes everything still live, newest first. The session's own directory is its first resource and goes
 * last. While open, the ledger holds a lock on its file, so a second jlab's {@link Cleanup} keeps off it
 * even before looking at the owner's pid. Thread-safe.
 */
public final class Ledger implements AutoCloseable {
    public static final Path DEFAULT_BASE = Path.of("/run/jlab");
    public static final String FILE_NAME = "ledger.jsonl";
    private static final String PRIVATE = "rwx------";

    private final String sessionId;
    private final Path sessionDir;
    private final Optional<SessionOwner> owner;
    private final List<Resource> live;
    private FileChannel channel;
    private boolean sessionDirRemoved;

    private Ledger(Path sessionDir, Optional<SessionOwner> owner, List<Resource> live, FileChannel channel) {
        this.sessionId = sessionDir.getFileName().toString();
        this.sessionDir = sessionDir;
        this.owner = owner;
        this.live = new ArrayList<>(live);
        this.channel = channel;
    }

    /** Starts a new session for {@code owner} under {@code base} (created if missing). */
    public static Ledger open(Path base, ProcessIdentity owner) throws IOException {
        base = base.toAbsolutePath().normalize();
        Files.createDirectories(base, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(PRIVATE)));
        Path dir = createSessionDir(base, owner.pid());
        FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            // Nobody else knows this file yet, so the lock cannot be held: this only marks it as in use.
            channel.lock();
            SessionOwner sessionOwner = new SessionOwner(owner, Instant.now(), SessionOwner.jlabVersion());
            Ledger ledger = new Ledger(dir, Optional.of(sessionOwner), List.of(), channel);
            ledger.append(new LedgerCodec.Line.Owner(sessionOwner));
            ledger.record(new Resource.Directory(dir));
            return ledger;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The first byte of a session's name counts up within this process (from a random start), so up to 256 sessions
     * of one process have distinct first bytes: the network lab's subnet is drawn from the pid and that byte.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_FIRST_BYTE =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(256));

    private static Path createSessionDir(Path base, int pid) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[3];
            ThreadLocalRandom.current().nextBytes(random);
            random[0] = (byte) NEXT_FIRST_BYTE.getAndIncrement();
            Path dir = base.resolve("s" + pid + "-" + HexFormat.of().formatHex(random));
            try {
                return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(PRIVATE)));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }

    /** A dead session's ledger, locked by this process, and what it said. */
    record Adopted(Ledger ledger, LedgerContents contents) {}

    /**
     * Takes over the ledger of an existing session (for {@link Cleanup}), or empty if another process holds
     * its lock (its owner still runs, or another cleanup is at work) or it has just been removed. The file
     * is read through the locked channel itself: with POSIX locks, closing any other descriptor of the
     * file would drop this process's lock.
     */
    static Optional<Adopted> adopt(Path sessionDir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(sessionDir.resolve(FILE_NAME), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by an open Ledger in this very JVM
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            LedgerContents contents = LedgerContents.parse(readAll(channel));
            return Optional.of(new Adopted(new Ledger(sessionDir, contents.owner(), contents.live(), channel), contents));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static String readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) break;
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    public String sessionId() { return sessionId; }

    public Path sessionDir() { return sessionDir; }

    public Path file() { return sessionDir.resolve(FILE_NAME); }

    public Optional<SessionOwner> owner() { return owner; }

    /**
     * Writes {@code resource} to the ledger and forces it to disk; call this BEFORE creating the resource.
     * If it throws, do not create the resource: nothing could clean it up.
     */
    public synchronized <R extends Resource> R record(R resource) {
        append(new LedgerCodec.Line.Create(resource));
        live.add(resource);
        return resource;
    }

    /** Notes that {@code resource}, created earlier, is gone. */
    public synchronized void released(Resource resource) {
        int at = live.lastIndexOf(resource);
        if (at < 0) throw new IllegalArgumentException(resource.describe() + " is not live in session " + sessionId);
        append(new LedgerCodec.Line.Release(resource));
        live.remove(at);
    }

    /**
     * {@link #record} of several resources with one write and one force to disk (each force costs
     * milliseconds on a busy disk): call this BEFORE creating any of them.
     */
    public synchronized List<Resource> recordAll(List<? extends Resource> resources) {
        append(resources.stream().<LedgerCodec.Line>map(LedgerCodec.Line.Create::new).toList());
        live.addAll(resources);
        return List.copyOf(resources);
    }

    /** {@link #released} of several resources, created earlier, with one write and one force to disk. */
    public synchronized void releasedAll(List<? extends Resource> resources) {
        List<Resource> left = new java.util.ArrayList<>(live);
        for (Resource resource : resources) {
            int at = left.lastIndexOf(resource);
            if (at < 0) throw new IllegalArgumentException(resource.describe() + " is not live in session " + sessionId);
            left.remove(at);
        }
        append(resources.stream().<LedgerCodec.Line>map(LedgerCodec.Line.Release::new).toList());
        live.clear();
        live.addAll(left);
    }

    /** Resources created and not released, oldest first; the session directory is the first. */
    public synchronized List<Resource> live() {
        return List.copyOf(live);
    }

    /**
     * Releases every live resource, newest first, going on past failures. When all others are gone the
     * session directory (and this ledger with it) is removed and the ledger closed; otherwise the
     * directory stays so that {@code jlab cleanup} can try again once this process has exited.
     */
    public synchronized TeardownReport teardown(Releaser releaser) {
        if (channel == null) throw new IllegalStateException("ledger of session " + sessionId + " is closed");
        TeardownReport.Builder report = new TeardownReport.Builder();
        Resource.Directory ownDir = new Resource.Directory(sessionDir);
        for (Resource r : List.copyOf(live).reversed()) {
            if (r.equals(ownDir)) continue;
            String how;
            try {
                how = releaser.release(r);
            } catch (RuntimeException e) {
                report.failed(r, reason(e));
                continue;
            }
            try {
                released(r);
                report.released(r, how);
            } catch (UncheckedIOException e) {
                report.failed(r, how + ", but the ledger could not note it: " + reason(e));
            }
        }
        if (report.hasFailures()) {
            report.failed(ownDir, "kept, with its ledger, because the resources above remain; run `jlab cleanup` later");
            return report.build();
        }
        close();
        try {
            report.released(ownDir, releaser.release(ownDir));
            live.clear();
            sessionDirRemoved = true;
        } catch (RuntimeException e) {
            report.failed(ownDir, reason(e));
        }
        return report.build();
    }

    /** True once {@link #teardown} has removed the session directory. */
    public synchronized boolean sessionDirRemoved() {
        return sessionDirRemoved;
    }

    /** Closes the file and drops its lock, without releasing anything: what is live stays in the ledger. */
    @Override public synchronized void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file(), e);
        } finally {
            channel = null;
        }
    }

    private void append(LedgerCodec.Line line) {
        append(List.of(line));
    }

    private void append(List<LedgerCodec.Line> lines) {
        if (channel == null) throw new IllegalStateException("ledger of session " + sessionId + " is closed");
        if (lines.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        for (LedgerCodec.Line line : lines) text.append(LedgerCodec.encode(line)).append('\n');
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            // Only the lock holder writes, so the end of the file is where this line goes.
            long position = channel.size();
            while (bytes.hasRemaining()) position += channel.write(bytes, position);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to " + file(), e);
        }
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
    }
}
