/**
 * The lab model (records; sealed {@link jlab.lab.Action}, {@link jlab.lab.Check}, {@link jlab.lab.Question}), the
 * YAML loader that reports every mistake as {@code file:line:col}, semantic validation and the catalog of labs.
 * Depends on Jackson and on value types of {@code jlab.kernel} only; the engine and the shell build on it.
 */
package jlab.lab;
