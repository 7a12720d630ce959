package jlab.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of /proc/PID/status that jlab shows. {@code nsPids} is the NSpid line: the pid in the
 * host's pid namespace first, the pid in the innermost namespace last ({@code [5273, 3, 1]}).
 * {@code uid} is the real uid (first of the four on the Uid line).
 */
public record ProcStatus(String name, char state, String stateWord, int pid, int ppid, List<Integer> nsPids,
                         int uid, int threads) {

    public ProcStatus {
        nsPids = List.copyOf(nsPids);
    }

    /** The pid as the process's own (innermost) pid namespace sees it. */
    public int innermostPid() {
        return nsPids.isEmpty() ? pid : nsPids.getLast();
    }

    /** How many pid namespaces deep the process lives; 1 means the host's only. */
    public int nsDepth() {
        return Math.max(1, nsPids.size());
    }

    public boolean zombie() {
        return state == 'Z';
    }

    /** {@code "S (sleeping)"}, as the kernel writes it. */
    public String stateText() {
        return state + " (" + stateWord + ")";
    }

    /** Parses the whole text of a status file; fields that are absent stay 0 or empty. */
    public static ProcStatus parse(String text) {
        String name = "";
        char state = '?';
        String stateWord = "";
        int pid = 0;
        int ppid = 0;
        int uid = -1;
        int threads = 0;
        List<Integer> nsPids = List.of();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon)) {
                case "Name" -> name = line.substring(colon + 1).replaceFirst("^\t", "");
                case "State" -> {
                    state = value.isEmpty() ? '?' : value.charAt(0);
                    int open = value.indexOf('(');
                    int close = value.lastIndexOf(')');
                    stateWord = open >= 0 && close > open ? value.substring(open + 1, close) : "";
                }
                case "Pid" -> pid = Integer.parseInt(value);
                case "PPid" -> ppid = Integer.parseInt(value);
                case "Uid" -> uid = Integer.parseInt(value.split("\\s+")[0]);
                case "Threads" -> threads = Integer.parseInt(value);
                case "NSpid" -> nsPids = ints(value);
                default -> { }
            }
        }
        if (nsPids.isEmpty() && pid != 0) {
            nsPids = List.of(pid);
        }
        return new ProcStatus(name, state, stateWord, pid, ppid, nsPids, uid, threads);
    }

    private static List<Integer> ints(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(Integer.parseInt(part));
            }
        }
        return out;
    }
}
