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
 * be told to fail a call with an errno.
 */
public final class RecordingSyscalls implements Syscalls {
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Errno> failures = new HashMap<>();
    private final Map<Integer, byte[]> pipeContents = new HashMap<>();
    private final Map<Integer, Integer> pipeOfWriter = new HashMap<>();
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
        if (spec.argv().size() == 2 && spec.argv().getFirst().equals("hostname")) hostname = spec.argv().get(1);
        Integer readFd = pipeOfWriter.get(spec.stdout());
        if (readFd != null) pipeContents.put(readFd, outputs.apply(spec.argv()).getBytes(StandardCharsets.UTF_8));
        return nextPid++;
    }

    @Override public WaitStatus waitpid(int pid, boolean noHang) { return new WaitStatus.Exited(pid, 0); }

    @Override public void kill(int pid, Signal signal) { call("kill", pid, signal); }

    @Override public int pidfdOpen(int pid) { return nextFd++; }

    @Override public void pidfdSendSignal(int pidfd, Signal signal) { call("pidfd_send_signal", pidfd, signal); }

    @Override public synchronized int open(String path, Set<OpenFlag> flags) { return nextFd++; }

    @Override public void close(int fd) { }

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
