package jlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the small Markdown subset lessons use for a terminal: {@code #} headings, paragraphs
 * word-wrapped to the width, {@code -}/{@code 1.} lists with a hanging indent, {@code >} quotes, fenced
 * code blocks (indented, never wrapped), and inline {@code `code`} and {@code **bold**}. Without colour
 * the output is plain text: code spans keep their backticks so the learner still sees what to type.
 */
public final class MarkdownRenderer {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)([-*+]|\\d+[.)])\\s+(.*)$");
    private static final String CODE_INDENT = "    ";

    private final Style style;
    private final int width;

    public MarkdownRenderer(Style style, int width) {
        this.style = style;
        this.width = Math.max(20, width);
    }

    public String render(String markdown) {
        return String.join("\n", lines(markdown));
    }

    public List<String> lines(String markdown) {
        String[] src = markdown.replace("\t", "    ").split("\r?\n", -1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < src.length) {
            String line = src[i];
            if (line.isBlank()) {
                i++;
                continue;
            }
            if (!out.isEmpty()) out.add("");
            if (line.strip().startsWith("```")) {
                i = codeBlock(src, i + 1, out);
            } else if (HEADING.matcher(line).matches()) {
                heading(line, out);
                i++;
            } else if (ITEM.matcher(line).matches()) {
                i = list(src, i, out);
            } else if (line.startsWith(">")) {
                i = quote(src, i, out);
            } else {
                i = paragraph(src, i, out);
            }
        }
        return out;
    }

    private int codeBlock(String[] src, int i, List<String> out) {
        for (; i < src.length; i++) {
            if (src[i].strip().startsWith("```")) return i + 1;
            out.add(src[i].isEmpty() ? "" : CODE_INDENT + style.code(src[i]));
        }
        return i;
    }

    private void heading(String line, List<String> out) {
        Matcher m = HEADING.matcher(line);
        m.matches();
        String text = Style.stripAnsi(plainInline(m.group(2)));
        int level = m.group(1).length();
        if (style.color()) {
            out.add(level == 1 ? style.heading(text) : style.bold(text));
        } else {
            out.add(text);
            if (level <= 2) out.add((level == 1 ? "=" : "-").repeat(text.length()));
        }
    }

    private int list(String[] src, int i, List<String> out) {
        while (i < src.length) {
            Matcher m = ITEM.matcher(src[i]);
            if (!m.matches()) break;
            StringBuilder text = new StringBuilder(m.group(3));
            int j = i + 1;
            // continuation lines are indented and are neither blank nor a new item
            while (j < src.length && !src[j].isBlank() && src[j].startsWith(" ") && !ITEM.matcher(src[j]).matches()) {
                text.append(' ').append(src[j].strip());
                j++;
            }
            String indent = " ".repeat(m.group(1).length());
            String marker = m.group(2).matches("\\d+.*") ? m.group(2) : style.bullet();
            String first = indent + "  " + marker + " ";
            out.addAll(wrap(words(text.toString()), first, " ".repeat(first.length())));
            i = j;
        }
        return i;
    }

    private int quote(String[] src, int i, List<String> out) {
        StringBuilder text = new StringBuilder();
        for (; i < src.length && src[i].startsWith(">"); i++) {
            text.append(' ').append(src[i].substring(1).strip());
        }
        String bar = style.dim(style.unicode() ? "│ " : "| ");
        out.addAll(wrap(words(text.toString()), bar, bar));
        return i;
    }

    private int paragraph(String[] src, int i, List<String> out) {
        StringBuilder text = new StringBuilder();
        for (; i < src.length && startsParagraphLine(src[i], text.isEmpty()); i++) {
            text.append(' ').append(src[i].strip());
        }
        out.addAll(wrap(words(text.toString()), "", ""));
        return i;
    }

    private static boolean startsParagraphLine(String line, boolean first) {
        if (first) return true;
        return !line.isBlank() && !line.strip().startsWith("```") && !HEADING.matcher(line).matches()
                && !ITEM.matcher(line).matches() && !line.startsWith(">");
    }

    /** A word as the learner sees it: its visible text (for measuring) and its styled form. */
    private record Word(String visible, String styled) {}

    private List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder visible = new StringBuilder();
        StringBuilder styled = new StringBuilder();
        for (Segment seg : segments(text)) {
            String s = seg.text();
            int i = 0;
            while (i < s.length()) {
                if (s.charAt(i) == ' ') {
                    flush(words, visible, styled);
                    i++;
                    continue;
                }
                int end = s.indexOf(' ', i);
                if (end < 0) end = s.length();
                String piece = s.substring(i, end);
                visible.append(piece);
                styled.append(seg.look().apply(piece));
                i = end;
            }
        }
        flush(words, visible, styled);
        return words;
    }

    private static void flush(List<Word> words, StringBuilder visible, StringBuilder styled) {
        if (!visible.isEmpty()) words.add(new Word(visible.toString(), styled.toString()));
        visible.setLength(0);
        styled.setLength(0);
    }

    private record Segment(String text, UnaryOperator<String> look) {}

    private List<Segment> segments(String text) {
        List<Segment> segs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int close;
            if (text.charAt(i) == '`' && (close = text.indexOf('`', i + 1)) > i + 1) {
                addPlain(segs, plain);
                String code = text.substring(i + 1, close);
                segs.add(style.color() ? new Segment(code, style::code) : new Segment("`" + code + "`", s -> s));
                i = close + 1;
            } else if (text.startsWith("**", i) && (close = text.indexOf("**", i + 2)) > i + 2) {
                addPlain(segs, plain);
                segs.add(new Segment(text.substring(i + 2, close), style::bold));
                i = close + 2;
            } else {
                plain.append(text.charAt(i++));
            }
        }
        addPlain(segs, plain);
        return segs;
    }

    private static void addPlain(List<Segment> segs, StringBuilder plain) {
        if (!plain.isEmpty()) segs.add(new Segment(plain.toString(), s -> s));
        plain.setLength(0);
    }

    private String plainInline(String text) {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments(text)) b.append(s.text());
        return b.toString();
    }

    /** Greedy word wrap; a word longer than a line gets a line of its own rather than being cut. */
    private List<String> wrap(List<Word> words, String firstPrefix, String restPrefix) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstPrefix);
        int used = Style.visibleLength(firstPrefix);
        int prefixWidth = used;
        boolean empty = true;
        for (Word w : words) {
            if (!empty && used + 1 + w.visible().length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(restPrefix);
                used = prefixWidth = Style.visibleLength(restPrefix);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                used++;
            }
            line.append(w.styled());
            used += w.visible().length();
            empty = false;
        }
        if (!empty || used > prefixWidth || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
