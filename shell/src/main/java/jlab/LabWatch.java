package jlab;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jlab.engine.Engine;
import jlab.engine.LabSession;
import jlab.lab.Lab;
import jlab.lab.LabChanges;
import jlab.lab.LabException;
import jlab.lab.LabLoader;

/**
 * {@code jlab start --watch <file>}: watches the lab file's directory (editors often save by writing a new
 * file and renaming it) and reloads the lab when the file changes. A valid edit is swapped into the session
 * before the learner's next command, keeping the step when its id still exists; the author sees one line
 * saying what changed. An invalid edit is reported and the running lab kept.
 */
final class LabWatch implements AutoCloseable {
    /** Saves come in bursts (truncate, write, rename): wait this long for the burst to end. */
    private static final long SETTLE_MILLIS = 150;

    private final Path file;
    private final LabLoader loader;
    private final Consumer<String> notice;
    private final AtomicReference<Lab> pending = new AtomicReference<>();
    private final WatchService watcher;
    private final Thread thread;
    private volatile Lab current;

    LabWatch(Path file, LabLoader loader, Lab loaded, Consumer<String> notice) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.loader = loader;
        this.notice = notice;
        this.current = loaded;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = Thread.ofPlatform().daemon().name("jlab-watch").start(this::watch);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean ours = key.pollEvents().stream().anyMatch(e -> file.getFileName().equals(e.context()));
                key.reset();
                if (!ours) continue;
                // Drain the rest of the burst before reading the file.
                for (WatchKey more; (more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
                    more.pollEvents();
                    more.reset();
                }
                changed();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // the session ended
        }
    }

    /** Loads the file again; public for tests, which call it instead of waiting for the file system. */
    void changed() {
        try {
            Lab edited = loader.load(file);
            notice.accept("↻ " + file.getFileName() + ": " + LabChanges.describe(current, edited)
                    + " (applies at your next command)");
            current = edited;
            pending.set(edited);
        } catch (LabException e) {
            notice.accept("✗ " + file.getFileName() + " has problems; the lab keeps running as it was:\n" + e.render());
        }
    }

    /**
     * The session, with a valid edit swapped in before each call: the shell calls a session from one thread,
     * so the swap happens between two of its commands, never during one.
     */
    LabSession wrap(Engine engine) {
        InvocationHandler handler = (proxy, method, args) -> {
            Lab edited = pending.getAndSet(null);
            if (edited != null) {
                int step = engine.reload(edited);
                notice.accept("↻ lab reloaded; you are on step " + step + " of " + edited.steps().size());
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0) close();
            try {
                return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (LabSession) Proxy.newProxyInstance(LabSession.class.getClassLoader(),
                engine.getClass().getInterfaces(), handler);
    }

    @Override public void close() {
        thread.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing is left to watch either way
        }
    }
}
