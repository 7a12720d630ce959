/**
 * {@link jlab.kernel.ffm.FfmSyscalls}: the real kernel through glibc and the FFM API, the only package
 * that imports {@code java.lang.foreign}. One lazily linked holder class per group of calls; errno is
 * captured per call. Depends only on {@code jlab.kernel}.
 */
package jlab.kernel.ffm;
