#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages (banterd, banter, libbantershared<soversion>, libbantershared-dev)
# with CPack from the "package" preset: a Release build installed to /usr, in build/package,
# with Debian's hardening flags (dpkg-buildflags). Prints the paths of the .deb files, which
# land in build/package/packages/. What goes into which package: cmake/BanterPackaging.cmake.
# Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Progress goes to stderr: stdout is the list of packages.
scripts/install-deps.sh >&2

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1

# The flags Debian builds its own packages with: fortified libc calls, stack protector,
# control-flow protection, read-only relocations bound at start (lintian checks for them).
# Without -g: the packages are stripped (no -dbgsym packages yet), and debug information
# would only make the compiler slower. Without -ffile-prefix-map, which names this checkout
# and would make every clone miss the compiler cache; stripped binaries keep no paths to map.
# The "package" preset's Release type adds -O3 -DNDEBUG after these.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
cxxflags=$(sed -E 's/(^| )(-g|-ffile-prefix-map=[^ ]*)( |$)/ /g' <<<"$cxxflags")
ldflags=$(dpkg-buildflags --get LDFLAGS)
cmake --preset package -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    -DCMAKE_SHARED_LINKER_FLAGS="$ldflags" >/dev/null
cmake --build build/package >&2

rm -f build/package/packages/*.deb
if ! log=$(cd build/package && cpack --config CPackConfig.cmake 2>&1); then
    echo "$log" >&2
    exit 1
fi
ls "$PWD"/build/package/packages/*.deb
