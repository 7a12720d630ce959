package jlab.cgroup;

/** cgroup v1 (one hierarchy per controller) or v2 (one unified hierarchy). */
public enum CgroupVersion {
    V1, V2;

    /** 1 or 2, as people say it. */
    public int number() {
        return this == V1 ? 1 : 2;
    }
}
