/**
 * The door to the kernel, as small typed interfaces and value types: {@link jlab.kernel.Syscalls},
 * flags enums that know their C names, {@link jlab.kernel.SyscallException} and the {@link jlab.kernel.SyscallLog}
 * the learner sees. Depends on nothing else in jlab; {@code jlab.kernel.ffm} implements it with the FFM API.
 */
package jlab.kernel;
