// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every fuzz target shares: the libFuzzer entry point, and a check that stops the run
// with a message when a property of the parser does not hold (libFuzzer keeps the input that
// made it abort; the replay main reports the file).

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace Banter::Fuzz {

// A deep copy, as a socket or a file would hand it over (terminated, owned).
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)};
}

// Stops the run when a property does not hold; assert() would vanish in a release build.
inline void check(bool holds, const char *property)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz property broken: %s\n", property);
        std::abort();
    }
}

} // namespace Banter::Fuzz
