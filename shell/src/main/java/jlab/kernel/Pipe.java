package jlab.kernel;

/** Both ends of a pipe(2), created close-on-exec. */
public record Pipe(int readFd, int writeFd) {}
