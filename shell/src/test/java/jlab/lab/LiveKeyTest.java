package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jlab.kernel.Namespace;

class LiveKeyTest {

    @Test
    void parsesEveryDocumentedKey() {
        assertThat(LiveKey.parse("init.host-pid")).contains(new LiveKey(LiveKey.Kind.INIT_HOST_PID, null));
        assertThat(LiveKey.parse("init.pid")).contains(new LiveKey(LiveKey.Kind.INIT_PID, null));
        assertThat(LiveKey.parse("container.hostname")).contains(new LiveKey(LiveKey.Kind.CONTAINER_HOSTNAME, null));
        assertThat(LiveKey.parse("host.hostname")).contains(new LiveKey(LiveKey.Kind.HOST_HOSTNAME, null));
        assertThat(LiveKey.parse("ns.net.inode")).contains(new LiveKey(LiveKey.Kind.CONTAINER_NS_INODE, Namespace.NET));
        assertThat(LiveKey.parse("host.ns.uts.inode"))
                .contains(new LiveKey(LiveKey.Kind.HOST_NS_INODE, Namespace.UTS));
    }

    @Test
    void acceptsBothSpellingsOfTheMountNamespaceAndWritesTheLabOne() {
        assertThat(LiveKey.parse("ns.mnt.inode")).map(LiveKey::text).contains("ns.mount.inode");
        assertThat(LiveKey.parse("ns.mount.inode")).map(LiveKey::describe)
                .contains("inode of the container's mount namespace");
    }

    @Test
    void refusesNearMisses() {
        assertThat(LiveKey.parse("init.hostpid")).isEmpty();
        assertThat(LiveKey.parse("ns.CLONE_NEWNET.inode")).isEmpty();
        assertThat(LiveKey.parse("ns..inode")).isEmpty();
        assertThat(LiveKey.parse("host.ns.net")).isEmpty();
    }

    @Test
    void namesListsEveryCanonicalSpellingOnce() {
        assertThat(LiveKey.names()).hasSize(6 + 2 * Namespace.values().length + CgroupNames.STATS.size()).doesNotHaveDuplicates()
                .contains("init.host-pid", "ns.cgroup.inode", "host.ns.time.inode", "container.zombies", "cgroup.version")
                .allSatisfy(name -> assertThat(LiveKey.parse(name).map(LiveKey::text)).contains(name));
    }
}
