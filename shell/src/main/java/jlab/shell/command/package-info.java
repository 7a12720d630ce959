/**
 * The shell's commands, one small class each (name, aliases, summary, help with examples, completion,
 * {@code run}), and the {@link jlab.shell.command.CommandRegistry} that finds them. Uses the console and
 * renderers of {@code jlab.shell} and talks to the lab only through {@link jlab.engine.LabSession}.
 */
package jlab.shell.command;
