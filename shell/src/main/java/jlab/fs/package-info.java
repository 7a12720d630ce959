/**
 * overlayfs: the mount options string, overlay mounts found in mountinfo, and what each layer holds for a
 * path (copy-ups, whiteouts, opaque directories) read with stat and getxattr. May use jlab.kernel and jlab.proc.
 */
package jlab.fs;
