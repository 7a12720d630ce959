package jlab.ledger;

import jlab.kernel.Errno;
import jlab.kernel.Signal;
import jlab.kernel.Syscalls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The kernel for the ledger's kernel tests: {@code jlab.kernel.ffm.FfmSyscalls} once it is in the tree
 * (being written on another branch), and until then a test-only stand-in for the few calls the releaser
 * makes: "pidfds" that are the pid itself with SIGKILL through {@link ProcessHandle} (so only for processes
 * the test started, whose pids cannot be reused while the test holds their {@link Process}), and umount2
 * through {@code umount -l}.
 */
final class KernelTestSyscalls {
    private KernelTestSyscalls() {}

    static Syscalls create() {
        try {
            return (Syscalls) Class.forName("jlab.kernel.ffm.FfmSyscalls").getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return standIn();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make FfmSyscalls", e);
        }
    }

    static Syscalls standIn() {
        return new ScriptedSyscalls()
                .on("pidfdOpen", args -> handle((int) args[0]).map(h -> (int) h.pid())
                        .orElseThrow(() -> ScriptedSyscalls.failure("pidfd_open", Errno.ESRCH)))
                .on("pidfdSendSignal", args -> {
                    if (args[1] != Signal.SIGKILL) throw new UnsupportedOperationException("stand-in sends only SIGKILL");
                    handle((int) args[0]).orElseThrow(() -> ScriptedSyscalls.failure("pidfd_send_signal", Errno.ESRCH))
                            .destroyForcibly();
                    return null;
                })
                .on("close", args -> null)
                .on("waitpid", args -> { throw ScriptedSyscalls.failure("waitpid", Errno.ECHILD); })
                .on("umount2", args -> {
                    umountLazily(String.valueOf(args[0]));
                    return null;
                })
                .kernel();
    }

    private static Optional<ProcessHandle> handle(int pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private static void umountLazily(String target) {
        try {
            java.lang.Process umount = new ProcessBuilder("umount", "-l", target).redirectErrorStream(true).start();
            String output = new String(umount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (umount.waitFor() == 0) return;
            if (output.contains("not mounted")) throw ScriptedSyscalls.failure("umount2", Errno.EINVAL);
            if (output.contains("No such file")) throw ScriptedSyscalls.failure("umount2", Errno.ENOENT);
            throw new IllegalStateException("umount -l " + target + ": " + output.strip());
        } catch (IOException e) {
            throw new IllegalStateException("running umount", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running umount", e);
        }
    }
}
