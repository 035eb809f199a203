#!/bin/sh
# The bds sandbox launcher (src/python/sandbox/os-layer.ts runs it through `unshare`): builds a
# minimal read-only root on an empty folder, then chroots and runs the command there without
# capabilities and with an empty environment except NODE_CHANNEL_* (Node's IPC channel).
#
# usage: sh root.sh <empty dir> [<readable absolute path>...] -- <command> [<arg>...]
#
# The root holds: /usr (plus /bin, /sbin, /lib* as the host has them: symlinks or read-only
# binds), /dev/{null,zero,urandom,random} (binds), a read-only /proc of the new PID namespace,
# and each readable path read-only at the same absolute path. No /etc, /home, /tmp, /run, /sys.
# The root itself is read-only too, and the working folder inside is /.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin

# Mounting over the host's folders would be a disaster: run only as PID 1 of a new namespace.
if [ "$$" -ne 1 ]; then
  echo 'bds sandbox: root.sh must run as PID 1 of a new PID namespace (through unshare)' >&2
  exit 1
fi
if [ "$#" -lt 3 ]; then
  echo 'usage: sh root.sh <empty dir> [<readable path>...] -- <command> [<arg>...]' >&2
  exit 2
fi

root=$1
shift

# bind_ro SOURCE TARGET EXTRA: a read-only, nosuid bind in one `mount` call. When that fails,
# either the bind failed or it is there but still writable because the host mount has flags
# locked (noexec, nodev) that the kernel refuses to clear: then remount with them.
bind_ro() {
  if error=$(mount -o "bind,ro,nosuid$3" "$1" "$2" 2>&1); then
    return 0
  fi
  for locked in ',noexec' ',nodev' ',nodev,noexec'; do
    if mount -o "remount,bind,ro,nosuid$3$locked" "$2" 2>/dev/null; then
      return 0
    fi
  done
  echo "bds sandbox: cannot bind $1 read-only: $error" >&2
  exit 1
}

mount -t tmpfs -o mode=0755,size=1m,nr_inodes=4096,nosuid,nodev bds-sandbox "$root"

for name in usr bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$name" ]; then
    ln -s "$(readlink "/$name")" "$root/$name"
  elif [ -d "/$name" ]; then
    mkdir "$root/$name"
    bind_ro "/$name" "$root/$name" ',nodev'
  fi
done

# Device nodes ignore a read-only mount flag (writes to them are not file writes), so these four
# are plain binds: writing to /dev/null or /dev/urandom is harmless.
mkdir "$root/dev" "$root/proc"
for name in null zero urandom random; do
  if [ -c "/dev/$name" ]; then
    : >"$root/dev/$name"
    mount --bind "/dev/$name" "$root/dev/$name"
  fi
done

# A /proc of the new PID namespace: it lists only the sandboxed process. Replace the host's
# name in the new UTS namespace (best effort), then make /proc read-only: when bds runs as the
# host's root, the namespace's root is the host's root to the kernel's sysctl checks, and could
# write /proc/sys (kernel.core_pattern: a way out) even without capabilities.
if hostname bds-sandbox 2>/dev/null; then
  mount -t proc -o ro,nosuid,nodev,noexec proc "$root/proc"
else
  mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
  { echo bds-sandbox >"$root/proc/sys/kernel/hostname"; } 2>/dev/null || :
  mount -o remount,ro,nosuid,nodev,noexec "$root/proc"
fi

while [ "$#" -gt 0 ] && [ "$1" != '--' ]; do
  case $1 in
  /*) ;;
  *)
    echo "bds sandbox: not an absolute path: $1" >&2
    exit 1
    ;;
  esac
  if [ -d "$1" ]; then
    mkdir -p "$root$1"
  elif [ -e "$1" ]; then
    mkdir -p "$root${1%/*}"
    : >"$root$1"
  else
    echo "bds sandbox: readable path does not exist: $1" >&2
    exit 1
  fi
  bind_ro "$1" "$root$1" ',nodev'
  shift
done
if [ "$#" -lt 2 ]; then
  echo 'bds sandbox: no command after --' >&2
  exit 2
fi
shift

mount -o remount,bind,ro,nosuid,nodev "$root"

# Close inherited descriptors 4-9 (sh cannot name higher ones) except Node's IPC channel.
for fd in 4 5 6 7 8 9; do
  if [ "${NODE_CHANNEL_FD:-}" != "$fd" ]; then
    eval "exec $fd>&-"
  fi
done

env_bin=$(command -v env)
setpriv_bin=$(command -v setpriv)
set -- "$setpriv_bin" --no-new-privs --bounding-set=-all --inh-caps=-all -- "$@"
if [ -n "${NODE_CHANNEL_SERIALIZATION_MODE+set}" ]; then
  set -- "NODE_CHANNEL_SERIALIZATION_MODE=$NODE_CHANNEL_SERIALIZATION_MODE" "$@"
fi
if [ -n "${NODE_CHANNEL_FD+set}" ]; then
  set -- "NODE_CHANNEL_FD=$NODE_CHANNEL_FD" "$@"
fi
exec chroot "$root" "$env_bin" -i "$@"
