/**
 * The command-line entry ({@link jlab.Main}) and the wiring of the real kernel, ledger, engine and shell.
 * May use every jlab package.
 */
package jlab;
