#!/bin/bash
# The one provisioning script of both VMs jlab ships: the students' Vagrant box (Vagrantfile) and the
# CI test image (vm-images/build takes its package list from here), so the two cannot drift apart.
#
#   provision.sh packages guest|student   print a package list, one per line
#   provision.sh ensure PKG...            install those PKGs that dpkg does not have yet (idempotent)
#   provision.sh student [REPO]           a student VM: packages, build jlab in REPO (default /vagrant)
#                                         as root, link /usr/local/bin/jlab to REPO/jlab
set -euo pipefail

# What jlab and its labs need at run time; the CI guest image holds exactly these (plus its kernel).
GUEST_PACKAGES=(openjdk-25-jdk-headless busybox-static iproute2 tini kmod procps mount util-linux)
# What a student VM needs on top: building jlab, and a terminal to work in.
STUDENT_PACKAGES=(maven git tmux less)

die() { echo "provision: $*" >&2; exit 1; }

packages() {
  case "${1:-}" in
    guest) printf '%s\n' "${GUEST_PACKAGES[@]}" ;;
    student) printf '%s\n' "${GUEST_PACKAGES[@]}" "${STUDENT_PACKAGES[@]}" ;;
    *) die "packages: expected 'guest' or 'student'" ;;
  esac
}

ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "need root to install: ${missing[*]}"
  echo "provision: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

student() {
  local repo="${1:-/vagrant}"
  [ -f "$repo/pom.xml" ] || die "no jlab checkout at $repo (expected $repo/pom.xml)"
  mapfile -t pkgs < <(packages student)
  ensure "${pkgs[@]}"
  # Debian's maven runs on default-java (21 on trixie); the build picks JDK 25 through the toolchains
  # plugin, and running Maven itself on 25 avoids surprises.
  export JAVA_HOME=/usr/lib/jvm/java-25-openjdk-amd64
  echo "provision: building jlab in $repo" >&2
  (cd "$repo" && mvn -q -B package -DskipTests)
  [ -x "$repo/jlab" ] || die "$repo/jlab (the launcher script) is missing or not executable"
  ln -sfn "$repo/jlab" /usr/local/bin/jlab
  echo "provision: ready. Try: sudo jlab start namespaces" >&2
}

cmd="${1:-}"
shift || true
case "$cmd" in
  packages) packages "$@" ;;
  ensure) ensure "$@" ;;
  student) student "$@" ;;
  *) die "usage: provision.sh packages guest|student | ensure PKG... | student [REPO]" ;;
esac
