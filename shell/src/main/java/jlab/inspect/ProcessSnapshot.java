package jlab.inspect;

import java.util.List;
import java.util.Optional;

import jlab.proc.NamespaceId;

/**
 * The processes of the container's pid namespace, ascending by host pid. {@code namespace} is empty when
 * the container has no pid namespace of its own; {@code situation} then says why, for the learner.
 */
public record ProcessSnapshot(Optional<NamespaceId> namespace, List<Entry> processes, String situation) {

    public ProcessSnapshot {
        processes = List.copyOf(processes);
    }

    /** One process; {@code nsPids} host first, innermost last; {@code command} is argv joined, or [name]. */
    public record Entry(int pid, List<Integer> nsPids, int ppid, char state, String stateWord, String command) {
        public Entry {
            nsPids = List.copyOf(nsPids);
        }

        public int innermostPid() {
            return nsPids.isEmpty() ? pid : nsPids.getLast();
        }
    }
}
