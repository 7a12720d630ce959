package jlab.ledger;

import jlab.kernel.Errno;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link Syscalls} for tests that answers only the calls it was given a handler for, and records every
 * call as {@code name(arg, arg)}. Anything unexpected fails loudly.
 */
final class ScriptedSyscalls {
    private final Map<String, Function<Object[], Object>> handlers = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    ScriptedSyscalls on(String method, Function<Object[], Object> handler) {
        handlers.put(method, handler);
        return this;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    Syscalls kernel() {
        return (Syscalls) Proxy.newProxyInstance(Syscalls.class.getClassLoader(), new Class<?>[] {Syscalls.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "ScriptedSyscalls";
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> proxy == args[0];
                        };
                    }
                    Object[] actual = args == null ? new Object[0] : args;
                    synchronized (this) {
                        calls.add(method.getName() + Arrays.stream(actual).map(String::valueOf)
                                .collect(Collectors.joining(", ", "(", ")")));
                    }
                    Function<Object[], Object> handler = handlers.get(method.getName());
                    if (handler == null) throw new UnsupportedOperationException("no test handler for " + method.getName());
                    return handler.apply(actual);
                });
    }

    static SyscallException failure(String call, int errno) {
        return new SyscallException(call, List.of(), Errno.of(errno));
    }
}
