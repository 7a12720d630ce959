package jlab.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

import jlab.kernel.Syscalls;

/**
 * The one platform thread a container owns: its namespaces, root and cwd are the container's, while the
 * JVM's other threads keep the host's. Tasks run on it one at a time, in order.
 *
 * <p>After {@code unshare(CLONE_NEWPID)} the kernel refuses to create threads from this thread, so the
 * loop below only takes tasks from a queue and completes futures: nothing on it may start a thread
 * (no executors, no async completion stages, no ProcessBuilder). When the thread ends, its mount
 * namespace goes with it once no child holds it.
 */
public final class ContainerThread implements AutoCloseable {
    /** Marks the end of the queue; compared by identity. */
    private static final Runnable STOP = () -> {};
    private static final long EXIT_TIMEOUT_NANOS = 2_000_000_000L, EXIT_POLL_NANOS = 100_000L;

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final int tid;
    private boolean closed;

    /** Starts the thread and waits until it knows its kernel thread id. */
    public ContainerThread(String name, Syscalls syscalls) {
        var started = new CompletableFuture<Integer>();
        thread = Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
            try {
                started.complete(syscalls.gettid());
            } catch (Throwable t) {
                started.completeExceptionally(t);
                return;
            }
            loop();
        });
        thread.start();
        tid = await(started);
    }

    private void loop() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                continue; // only close() ends the thread: callers may be waiting on queued tasks
            }
            if (task == STOP) return;
            task.run();
        }
    }

    /** The thread id the kernel knows this thread by: {@code /proc/<pid>/task/<tid>}. */
    public int tid() { return tid; }

    /**
     * Runs {@code task} on this thread and returns its result. Unchecked exceptions and errors (a
     * {@link jlab.kernel.SyscallException}) reach the caller as they are; IOExceptions come wrapped in
     * UncheckedIOException, other checked exceptions in CompletionException. Called from this thread
     * itself, runs the task at once.
     */
    public <T> T call(Callable<T> task) {
        if (Thread.currentThread() == thread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }
        var result = new CompletableFuture<T>();
        synchronized (this) {
            if (closed) throw new IllegalStateException(thread.getName() + " is closed");
            tasks.add(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        }
        return await(result);
    }

    /**
     * Ends the thread after the tasks already submitted and waits until the kernel thread is gone;
     * closing again does nothing.
     */
    @Override public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            tasks.add(STOP);
        }
        if (Thread.currentThread() == thread) return;
        joinUninterruptibly(List.of(thread));
        awaitKernelThreadExit();
    }

    /** Joins every thread even if interrupted meanwhile, then restores the caller's interrupt status. */
    static void joinUninterruptibly(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Thread.join returns once the Java thread is done, a moment before the kernel thread exits and drops
     * its namespaces; wait for that too, so a closed container really has let go of them.
     */
    private void awaitKernelThreadExit() {
        Path task = Path.of("/proc/self/task/" + tid);
        long deadline = System.nanoTime() + EXIT_TIMEOUT_NANOS;
        while (Files.exists(task) && System.nanoTime() < deadline) LockSupport.parkNanos(EXIT_POLL_NANOS);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the container thread; the task goes on", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) throw error;
            throw unchecked(cause);
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        return switch (t) {
            case RuntimeException r -> r;
            case IOException io -> new UncheckedIOException(io);
            default -> new CompletionException(t);
        };
    }
}
