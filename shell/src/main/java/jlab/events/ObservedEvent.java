package jlab.events;

/**
 * One event of a container process with names attached when it happened: for a fork {@code process} is the
 * child and {@code parent} the process that forked; for an exec {@code process} is named after its new
 * program and {@code parent} is null; for an exit {@code parent} is the parent it had when it died.
 */
public record ObservedEvent(ProcEvent event, ProcessRef process, ProcessRef parent) {}
