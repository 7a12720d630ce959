package jlab.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jlab.inspect.NetSnapshot.LinkRow;

/**
 * The lab's network as a picture, at most {@link #WIDTH} columns: each network namespace a box listing its
 * links with state and addresses, a bridge as a hub with its ports hanging under it ({@code ├─veth-red}),
 * a veth pair inside one namespace as a bracket joining its two rows, and a veth pair between namespaces
 * as a line from one end's row to the other's. The namespace holding a bridge (else {@code hub}, else the
 * first) is drawn on the left, the others stacked on the right, each placed level with or below its end
 * in the hub so the lines only go right and down and never cross. Each column is as wide as its links
 * need; when both do not fit, addresses wrap onto a line of their own. Drawn with box-drawing characters;
 * {@link BoxDrawing#ascii} turns them into plain ASCII for terminals without Unicode.
 */
public final class NetDiagram {
    public static final int WIDTH = 80;
    private static final int BRACKET = 3, MIN_GAP = 6, MIN_BOX = 24;

    private NetDiagram() {}

    /** The picture in Unicode box drawing, or in ASCII; no lines for a snapshot without links. */
    public static List<String> lines(NetSnapshot snapshot, boolean unicode) {
        List<String> lines = lines(snapshot);
        return unicode ? lines : lines.stream().map(BoxDrawing::ascii).toList();
    }

    /** A row of a box: one link, with the tree prefix that hangs it under its bridge. */
    private record Entry(LinkRow link, String prefix) {}

    /** A line inside a box: its text, and the link it starts (null for an address line that wrapped). */
    private record BoxLine(String text, String key) {}

    /** A veth pair between two namespaces: from a row of the left box to a row of a right one. */
    private record Leg(LinkRow left, LinkRow right) {}

    public static List<String> lines(NetSnapshot snapshot) {
        Map<String, List<LinkRow>> byNetns = new LinkedHashMap<>();
        for (LinkRow l : snapshot.links()) byNetns.computeIfAbsent(l.netns(), k -> new ArrayList<>()).add(l);
        if (byNetns.isEmpty()) return List.of();
        String hub = hub(byNetns);
        Map<String, LinkRow> byKey = new LinkedHashMap<>();
        snapshot.links().forEach(l -> byKey.put(l.key(), l));

        List<Leg> legs = new ArrayList<>();
        List<String> farPairs = new ArrayList<>();
        for (LinkRow l : snapshot.links()) {
            LinkRow peer = byKey.get(l.peer());
            if (!l.kind().equals("veth") || peer == null || peer.netns().equals(l.netns())) continue;
            if (l.netns().equals(hub)) legs.add(new Leg(l, peer));
            else if (!peer.netns().equals(hub) && l.key().compareTo(peer.key()) < 0) {
                farPairs.add("veth pair " + l.key() + " ══ " + peer.key());
            }
        }
        int gap = Math.max(MIN_GAP, legs.size() + 4);
        List<Entry> hubRows = rows(byNetns.get(hub), byKey);
        Set<String> right = new LinkedHashSet<>();
        legs.sort(java.util.Comparator.comparingInt(g -> indexOf(hubRows, g.left())));
        legs.forEach(g -> right.add(g.right().netns()));
        right.addAll(byNetns.keySet());
        right.remove(hub);
        int leftWidth = natural(hub, hubRows, byKey), rightWidth = 0;
        for (String ns : right) rightWidth = Math.max(rightWidth, natural(ns, rows(byNetns.get(ns), byKey), byKey));
        if (right.isEmpty()) {
            leftWidth = Math.min(leftWidth, WIDTH);
        } else if (leftWidth + gap + rightWidth > WIDTH) {
            int room = WIDTH - gap, half = room / 2;
            if (leftWidth <= half) rightWidth = room - leftWidth;
            else if (rightWidth <= half) leftWidth = room - rightWidth;
            else { leftWidth = half; rightWidth = room - half; }
        }
        int boxWidth = leftWidth;
        List<BoxLine> hubLines = boxLines(hubRows, byKey, leftWidth - 4);

        int rightX = boxWidth + gap;
        Canvas canvas = new Canvas(right.isEmpty() ? boxWidth : rightX + rightWidth);
        drawBox(canvas, 0, 0, boxWidth, hub, hubLines);

        Map<String, Integer> rowY = new LinkedHashMap<>();
        for (int i = 0; i < hubLines.size(); i++) if (hubLines.get(i).key() != null) rowY.put(hubLines.get(i).key(), 1 + i);
        int nextTop = 0;
        for (String ns : right) {
            List<BoxLine> lines = boxLines(rows(byNetns.get(ns), byKey), byKey, rightWidth - 4);
            int top = nextTop;
            for (Leg g : legs) {
                if (!g.right().netns().equals(ns)) continue;
                top = Math.max(top, rowY.get(g.left().key()) - 1 - lineOf(lines, g.right()));
                break;
            }
            drawBox(canvas, rightX, top, rightWidth, ns, lines);
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).key() != null) rowY.put(lines.get(i).key(), top + 1 + i);
            nextTop = top + lines.size() + 2;
        }
        for (int k = 0; k < legs.size(); k++) {
            Leg g = legs.get(k);
            int from = rowY.get(g.left().key()), to = rowY.get(g.right().key());
            int lane = boxWidth + 1 + (legs.size() - 1 - k);
            canvas.put(boxWidth - 1, from, '├');
            canvas.put(rightX, to, '┤');
            for (int x = boxWidth; x < rightX; x++) {
                if (x < lane) canvas.put(x, from, '─');
                else if (x > lane) canvas.put(x, to, '─');
            }
            if (from == to) {
                canvas.put(lane, from, '─');
            } else {
                canvas.put(lane, from, '┐');
                for (int y = from + 1; y < to; y++) canvas.put(lane, y, '│');
                canvas.put(lane, to, '└');
            }
        }
        List<String> lines = new ArrayList<>(canvas.lines());
        lines.addAll(farPairs);
        return lines;
    }

    /** The namespace with a bridge, else the one called hub, else the first. */
    private static String hub(Map<String, List<LinkRow>> byNetns) {
        for (var e : byNetns.entrySet()) {
            if (e.getValue().stream().anyMatch(l -> l.kind().equals("bridge"))) return e.getKey();
        }
        return byNetns.containsKey("hub") ? "hub" : byNetns.keySet().iterator().next();
    }

    /**
     * The rows of one namespace's box: its links in index order, except that a bridge's ports follow the
     * bridge and the second end of a veth pair inside the namespace follows the first.
     */
    private static List<Entry> rows(List<LinkRow> links, Map<String, LinkRow> byKey) {
        List<Entry> rows = new ArrayList<>();
        Set<String> bridges = new LinkedHashSet<>();
        links.stream().filter(l -> l.kind().equals("bridge")).forEach(l -> bridges.add(l.name()));
        Set<String> placed = new LinkedHashSet<>();
        for (LinkRow l : links) {
            if (placed.contains(l.key()) || bridges.contains(l.master())) continue;
            add(rows, placed, l, "", byKey);
            if (!l.kind().equals("bridge")) continue;
            List<LinkRow> ports = links.stream().filter(p -> p.master().equals(l.name())).toList();
            for (int i = 0; i < ports.size(); i++) {
                add(rows, placed, ports.get(i), i == ports.size() - 1 ? "└─" : "├─", byKey);
            }
        }
        return rows;
    }

    private static void add(List<Entry> rows, Set<String> placed, LinkRow l, String prefix, Map<String, LinkRow> byKey) {
        if (!placed.add(l.key())) return;
        rows.add(new Entry(l, prefix));
        LinkRow peer = byKey.get(l.peer());
        if (peer != null && peer.netns().equals(l.netns()) && placed.add(peer.key())) {
            rows.add(new Entry(peer, prefix.isEmpty() ? "" : prefix.startsWith("├") ? "│ " : "  "));
        }
    }

    private static int indexOf(List<Entry> rows, LinkRow link) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).link().key().equals(link.key())) return i;
        return 0;
    }

    /** How wide a box must be to show every link of {@code rows} on one line, and its title. */
    private static int natural(String title, List<Entry> rows, Map<String, LinkRow> byKey) {
        int widest = title.length() + 4, bracket = 0;
        for (BoxLine line : boxLines(rows, byKey, WIDTH)) {
            String text = line.text().stripTrailing();
            if (text.endsWith("═╗") || text.endsWith("═╝")) {
                text = text.substring(0, text.length() - 2).stripTrailing();
                bracket = BRACKET;
            }
            widest = Math.max(widest, text.length());
        }
        return Math.max(MIN_BOX, widest + bracket + 4);
    }

    private static int lineOf(List<BoxLine> lines, LinkRow link) {
        for (int i = 0; i < lines.size(); i++) if (link.key().equals(lines.get(i).key())) return i;
        return 0;
    }

    /**
     * The lines of a box {@code inner} columns wide: {@code ├─veth-red  UP  10.1.2.1/24}, names and states
     * in columns as wide as the box needs; addresses that do not fit go on a line of their own below. The
     * two ends of a veth pair inside the namespace get a bracket {@code ═╗ ═╝} at the right.
     */
    private static List<BoxLine> boxLines(List<Entry> rows, Map<String, LinkRow> byKey, int inner) {
        int name = 0, state = 0;
        boolean pairInside = rows.stream().anyMatch(e -> byKey.containsKey(e.link().peer())
                && byKey.get(e.link().peer()).netns().equals(e.link().netns()));
        int room = pairInside ? inner - BRACKET : inner;
        for (Entry e : rows) {
            name = Math.max(name, e.prefix().length() + e.link().name().length());
            state = Math.max(state, state(e.link().state()).length());
        }
        List<BoxLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Entry e = rows.get(i);
            LinkRow l = e.link();
            String bracket = "";
            LinkRow peer = byKey.get(l.peer());
            if (peer != null && peer.netns().equals(l.netns())) {
                bracket = i + 1 < rows.size() && rows.get(i + 1).link().key().equals(peer.key()) ? " ═╗"
                        : i > 0 && rows.get(i - 1).link().key().equals(peer.key()) ? " ═╝" : "";
            }
            String head = pad(e.prefix() + l.name(), name) + " " + pad(state(l.state()), state);
            String tail = l.addresses() + (l.peer().matches("if\\d+") ? " (peer " + l.peer() + ")" : "");
            if (tail.isEmpty() || head.length() + 1 + tail.length() <= room) {
                lines.add(new BoxLine(pad(fit((head + " " + tail).stripTrailing(), room), room) + bracket, l.key()));
            } else {
                lines.add(new BoxLine(pad(fit(head, room), room) + bracket, l.key()));
                String indent = " ".repeat(Math.min(e.prefix().length() + 2, 6));
                lines.add(new BoxLine(fit(indent + tail, inner), null));
            }
        }
        return lines;
    }

    private static void drawBox(Canvas c, int x, int y, int width, String title, List<BoxLine> lines) {
        String top = "┌─ " + title + " ";
        c.text(x, y, top + "─".repeat(Math.max(0, width - top.length() - 1)) + "┐");
        int inner = width - 4;
        for (int i = 0; i < lines.size(); i++) c.text(x, y + 1 + i, "│ " + pad(lines.get(i).text(), inner) + " │");
        c.text(x, y + 1 + lines.size(), "└" + "─".repeat(width - 2) + "┘");
    }

    /** UP, DOWN, or NO-CARRIER: up but the other end (or every bridge port) is down. */
    static String state(String flags) {
        List<String> words = List.of(flags.split(","));
        if (!words.contains("UP")) return "DOWN";
        return words.contains("LOWER_UP") ? "UP" : "NO-CARRIER";
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** A grid of characters, grown downwards as needed. */
    private static final class Canvas {
        private final int width;
        private final List<char[]> rows = new ArrayList<>();

        Canvas(int width) {
            this.width = width;
        }

        void put(int x, int y, char ch) {
            while (rows.size() <= y) {
                char[] row = new char[width];
                java.util.Arrays.fill(row, ' ');
                rows.add(row);
            }
            if (x >= 0 && x < width) rows.get(y)[x] = ch;
        }

        void text(int x, int y, String s) {
            for (int i = 0; i < s.length(); i++) put(x + i, y, s.charAt(i));
        }

        List<String> lines() {
            return rows.stream().map(r -> new String(r).stripTrailing()).toList();
        }
    }
}
