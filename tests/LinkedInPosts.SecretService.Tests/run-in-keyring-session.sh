#!/usr/bin/env bash
# Runs tests/LinkedInPosts.SecretService.Tests inside a private D-Bus session bus with a throw-away,
# unlocked gnome-keyring, so libsecret has a Secret Service whose default collection accepts secrets
# without a prompt. Nothing of the caller's own keyring or session is used or changed.
#
#   bash tests/LinkedInPosts.SecretService.Tests/run-in-keyring-session.sh [dotnet test options...]
#
# Needs (Debian/Ubuntu): libsecret-1-0 gnome-keyring dbus libsecret-tools (.ci/run installs them).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus)
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
command -v secret-tool >/dev/null 2>&1 || missing+=(libsecret-tools)
ldconfig -p 2>/dev/null | grep 'libsecret-1\.so\.0' >/dev/null || missing+=(libsecret-1-0)
if [ "${#missing[@]}" -ne 0 ]; then
  echo "run-in-keyring-session.sh: missing ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi

# gnome-keyring keeps its keyrings under $XDG_DATA_HOME/keyrings and its control socket under
# $XDG_RUNTIME_DIR: point both at a temporary folder, removed afterwards.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export XDG_DATA_HOME="$scratch/data"
export XDG_RUNTIME_DIR="$scratch/runtime"
# No display: nothing may try to show a prompt; a locked keyring must fail, not wait.
unset DISPLAY WAYLAND_DISPLAY

# Inside the new session bus: --unlock reads a password on stdin and, as no keyring exists yet,
# creates the "login" keyring with it, unlocked, as the default collection (an EMPTY password does
# not: the daemon then asks a prompter for one, which fails without a display). --daemonize returns
# once the daemon serves org.freedesktop.secrets. The daemon exits with the bus. (As root, dbus-daemon
# prints "Failed to set fd limit to 65536: Operation not permitted": harmless.)
dbus-run-session -- bash -c '
  set -euo pipefail
  printf %s "linkedinposts-test-keyring" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  exec dotnet test "$0" "$@"
' "$here/LinkedInPosts.SecretService.Tests.csproj" "$@"
