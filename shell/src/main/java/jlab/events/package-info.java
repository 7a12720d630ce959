/**
 * The kernel's process events (fork, exec, exit) from the netlink process-events connector: the pure
 * encoder and decoder of its messages, the recorder that listens while a step runs, and the timeline and
 * one-line summary the shell replays with {@code show events}. Uses {@code jlab.kernel} and {@code jlab.proc}.
 */
package jlab.events;
