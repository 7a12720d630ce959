package jlab.lab;

/**
 * The network namespaces of the network lab, as `in:`, `from:` and `to:` name them: {@code hub} stands in
 * for the host of the classic exercise (a namespace jlab creates; the machine's own is never touched),
 * {@code red} is the container's, {@code blue} a second, bare one.
 */
public enum NetPlace { HUB, RED, BLUE }
