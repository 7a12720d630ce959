/**
 * The learner's terminal: the REPL ({@link jlab.shell.Shell}), the {@link jlab.shell.Console} seam with its
 * JLine implementation, and rendering of steps, Markdown and annotations (AsciiTable, ANSI). Talks to labs
 * only through {@link jlab.engine.LabSession} and {@link jlab.shell.Labs}; the commands live in
 * {@code jlab.shell.command}, which uses the console and renderers from here.
 */
package jlab.shell;
