package jlab.engine;

import java.util.List;

import jlab.events.EventRecording;

/**
 * The kernel's process events (fork, exec, exit) of the container, recorded while the current step's actions,
 * its solution and the learner's commands ran; what {@code show events} replays. {@link Engine} implements it.
 */
public interface StepEvents {

    /** The recordings of the current step, oldest first; empty when nothing ran in it yet. */
    List<EventRecording> stepEvents();
}
