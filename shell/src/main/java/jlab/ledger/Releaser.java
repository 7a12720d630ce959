package jlab.ledger;

/**
 * How each kind of resource is undone. {@link KernelReleaser} does it for real; tests use fakes.
 * Releasing something that is already gone succeeds: a ledger line is written before its resource is
 * created, so after a crash the ledger may name resources that never existed.
 */
@FunctionalInterface
public interface Releaser {

    /**
     * Undoes {@code resource} and says how in a few words ({@code killed}, {@code already gone}).
     *
     * @throws ReleaseException if it is still there, with the reason
     */
    String release(Resource resource);
}
