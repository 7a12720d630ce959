package jlab.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;

import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingInputStream;

/**
 * A JLine terminal in raw mode as cfmakeraw(3) sets it. JLine's own raw mode keeps ISIG (^C would still
 * be a SIGINT for jlab) and output processing; here every key is a byte for the program and every byte
 * of the program goes out unchanged, its own pty having done the line discipline already.
 */
final class JLineRawTerminal implements Console.RawTerminal {
    private final Terminal terminal;
    private final NonBlockingInputStream input;
    private final Attributes saved;
    private Terminal.SignalHandler previousWinch;
    private boolean resizeHandled;
    private boolean closed;

    JLineRawTerminal(Terminal terminal, NonBlockingInputStream input) {
        this.terminal = terminal;
        this.input = input;
        this.saved = terminal.getAttributes();
        Attributes raw = new Attributes(saved);
        raw.setInputFlags(EnumSet.of(InputFlag.IGNBRK, InputFlag.BRKINT, InputFlag.PARMRK, InputFlag.ISTRIP,
                InputFlag.INLCR, InputFlag.IGNCR, InputFlag.ICRNL, InputFlag.IXON), false);
        raw.setOutputFlag(OutputFlag.OPOST, false);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.ICANON, LocalFlag.ISIG,
                LocalFlag.IEXTEN), false);
        // what JLine's own non-blocking reads expect: return after 0.1 s without input
        raw.setControlChar(ControlChar.VMIN, 0);
        raw.setControlChar(ControlChar.VTIME, 1);
        terminal.writer().flush();
        terminal.setAttributes(raw);
    }

    @Override public String type() {
        String type = terminal.getType();
        return type == null || type.isBlank() ? "vt100" : type;
    }

    @Override public int rows() { return terminal.getHeight(); }

    @Override public int columns() { return terminal.getWidth(); }

    @Override public int read(byte[] buffer, long millis) {
        try {
            int first = input.read(millis);
            if (first == NonBlockingInputStream.READ_EXPIRED) return 0;
            if (first < 0) return -1;
            buffer[0] = (byte) first;
            int n = 1;
            // the rest of a key sequence or a paste, if it is already there
            while (n < buffer.length) {
                int next = input.read(1L);
                if (next < 0) break;
                buffer[n++] = (byte) next;
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override public void write(byte[] bytes, int offset, int length) {
        try {
            terminal.output().write(bytes, offset, length);
            terminal.output().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the terminal: " + e.getMessage(), e);
        }
    }

    @Override public synchronized void onResize(Runnable handler) {
        if (closed) return;
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.WINCH, signal -> handler.run());
        if (!resizeHandled) previousWinch = before;
        resizeHandled = true;
    }

    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        if (resizeHandled) terminal.handle(Terminal.Signal.WINCH, previousWinch);
        resizeHandled = false;
        terminal.setAttributes(saved);
    }
}
