package jlab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A fake kernel for engine and sandbox tests without root: records every call as strace-like text,
 * keeps the little state the labs look at (hostname), gives spawned commands scripted output, and can
 * be told to fail a call with an errno. Pipes carry what is written to them. A gated spawn
 * ({@link SpawnSpec.Gate}) runs its program only when a line is written to the gate's pipe; closing the
 * pipe before that ends it with status 1, the program never run, as the real gate does.
 */
public final class RecordingSyscalls implements Syscalls {
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Errno> failures = new HashMap<>();
    private final Map<Integer, byte[]> pipeContents = new HashMap<>();
    private final Map<Integer, Integer> pipeOfWriter = new HashMap<>();
    /** Gated spawns waiting for their go-ahead, by the write end of the gate's pipe. */
    private final Map<Integer, Held> held = new HashMap<>();
    private final List<List<String>> ran = new ArrayList<>();
    private final Map<Integer, Integer> exitCodes = new HashMap<>();
    private Function<List<String>, String> outputs = argv -> "";
    private String hostname = "host";
    private int nextPid = 1000;
    private int nextFd = 100;

    /** Makes every later call named {@code call} fail with {@code errno}. */
    public RecordingSyscalls failing(String call, int errno) {
        failures.put(call, Errno.of(errno));
        return this;
    }

    /** What spawned commands print, by argv. */
    public RecordingSyscalls printing(Function<List<String>, String> outputs) {
        this.outputs = outputs;
        return this;
    }

    public synchronized List<String> calls() { return List.copyOf(calls); }

    /** The argv of every program that ran, in order: a gated one only after its go-ahead. */
    public synchronized List<List<String>> programsRun() { return List.copyOf(ran); }

    private record Held(int pid, SpawnSpec spec) {}

    private synchronized void call(String name, Object... args) {
        List<String> text = new ArrayList<>();
        for (Object a : args) text.add(String.valueOf(a));
        Errno failure = failures.get(name);
        calls.add(name + "(" + String.join(", ", text) + ")" + (failure == null ? "" : " = -1 " + failure.name()));
        if (failure != null) throw new SyscallException(name, text, failure);
    }

    @Override public void unshare(Set<Namespace> namespaces) {
        call("unshare", String.join("|", namespaces.stream().sorted().map(Namespace::flagName).toList()));
    }

    @Override public void unshareFs() { call("unshare", "CLONE_FS"); }

    @Override public void setns(int fd, Namespace type) { call("setns", fd, type); }

    @Override public void mount(String source, String target, String fstype, Set<MountFlag> flags, String data) {
        call("mount", source, target, fstype, Flag.format(flags.stream().sorted().toList()), data);
    }

    @Override public void umount2(String target, Set<UmountFlag> flags) { call("umount2", target, Flag.format(flags)); }

    @Override public void chroot(String path) { call("chroot", path); }

    @Override public void chdir(String path) { call("chdir", path); }

    @Override public void fchdir(int fd) { call("fchdir", fd); }

    @Override public void pivotRoot(String newRoot, String putOld) { call("pivot_root", newRoot, putOld); }

    @Override public synchronized void sethostname(String name) {
        call("sethostname", name);
        hostname = name;
    }

    @Override public synchronized String hostname() { return hostname; }

    @Override public synchronized int spawn(SpawnSpec spec) {
        call("posix_spawn", spec.path(), String.join(" ", spec.argv()));
        int pid = nextPid++;
        if (spec.gate() == null) {
            run(spec);
        } else {
            int writer = pipeOfWriter.entrySet().stream().filter(e -> e.getValue() == spec.gate().fd())
                    .mapToInt(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the gate's descriptor is no pipe's read end: " + spec.gate().fd()));
            held.put(writer, new Held(pid, spec));
        }
        return pid;
    }

    private void run(SpawnSpec spec) {
        ran.add(spec.argv());
        if (spec.argv().size() == 2 && spec.argv().getFirst().equals("hostname")) hostname = spec.argv().get(1);
        Integer readFd = pipeOfWriter.get(spec.stdout());
        if (readFd != null) append(readFd, outputs.apply(spec.argv()).getBytes(StandardCharsets.UTF_8));
    }

    private void append(int readFd, byte[] bytes) {
        byte[] before = pipeContents.getOrDefault(readFd, new byte[0]);
        byte[] after = java.util.Arrays.copyOf(before, before.length + bytes.length);
        System.arraycopy(bytes, 0, after, before.length, bytes.length);
        pipeContents.put(readFd, after);
    }

    @Override public synchronized WaitStatus waitpid(int pid, boolean noHang) {
        return new WaitStatus.Exited(pid, exitCodes.getOrDefault(pid, 0));
    }

    @Override public void kill(int pid, Signal signal) { call("kill", pid, signal); }

    @Override public int pidfdOpen(int pid) { return nextFd++; }

    @Override public void pidfdSendSignal(int pidfd, Signal signal) { call("pidfd_send_signal", pidfd, signal); }

    @Override public synchronized int open(String path, Set<OpenFlag> flags) { return nextFd++; }

    @Override public synchronized void close(int fd) {
        Held gate = held.remove(fd);
        if (gate != null) exitCodes.put(gate.pid(), 1); // its read hit end of file: the gate exits 1
    }

    /** Into a pipe: what its read end gives next; a line into a gate's pipe lets the held program run. */
    @Override public synchronized int write(int fd, byte[] buffer, int offset, int length) {
        Integer readFd = pipeOfWriter.get(fd);
        if (readFd == null) throw new SyscallException("write", List.of(String.valueOf(fd)), Errno.of(9));
        append(readFd, java.util.Arrays.copyOfRange(buffer, offset, offset + length));
        Held gate = held.get(fd);
        if (gate != null && new String(buffer, offset, length, StandardCharsets.UTF_8).contains("\n")) {
            held.remove(fd);
            run(gate.spec());
        }
        return length;
    }

    @Override public synchronized Pipe pipe() {
        Pipe pipe = new Pipe(nextFd++, nextFd++);
        pipeOfWriter.put(pipe.writeFd(), pipe.readFd());
        return pipe;
    }

    @Override public synchronized int read(int fd, byte[] buffer) {
        byte[] left = pipeContents.remove(fd);
        if (left == null || left.length == 0) return 0;
        int n = Math.min(buffer.length, left.length);
        System.arraycopy(left, 0, buffer, 0, n);
        if (n < left.length) pipeContents.put(fd, java.util.Arrays.copyOfRange(left, n, left.length));
        return n;
    }

    @Override public void setChildSubreaper(boolean on) { call("prctl", "PR_SET_CHILD_SUBREAPER", on); }

    @Override public void dropBoundingCapability(int capability) { call("prctl", "PR_CAPBSET_DROP", capability); }

    @Override public void setNoNewPrivs() { call("prctl", "PR_SET_NO_NEW_PRIVS"); }

    @Override public int getpid() { return 42; }

    @Override public int gettid() { return 43; }

    @Override public int geteuid() { return 0; }

    @Override public void mountProcForPidNamespace(String target, int pidnsFd) { call("fsmount_proc", target, pidnsFd); }
}
