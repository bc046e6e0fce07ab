#!/bin/sh
# Browser tests drive Debian's chromium (a test tool's own browser download does not work here).
# Installs it with apt-get when it is missing; says clearly what to do when that is not possible.
set -eu
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
echo "ensure-chromium: chromium is missing; installing Debian's package with apt-get" >&2
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure-chromium: cannot install (not root, no sudo): run 'apt-get install chromium' as root" >&2
    exit 0  # the browser tests then fail (CI) or skip (locally) with the same advice
fi
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >&2
