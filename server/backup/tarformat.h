// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The few facts of the POSIX ustar format that the writer and the reader share. Backups are
// plain tar files so an operator can list or unpack one with tar(1) when banterd is gone.

#include <QByteArray>
#include <QString>

namespace Banter::Server::Tar {

inline constexpr int BlockSize = 512;
// Longest member name the ustar name field holds without the prefix field; every name a
// backup writes (files/blobs/ab/<64 hex> is the longest) fits.
inline constexpr int MaxNameLength = 100;

// Bytes of zero padding after `size` bytes of content, up to the next block.
inline qint64 paddingFor(qint64 size)
{
    return (BlockSize - size % BlockSize) % BlockSize;
}

// Whether `name` is a member name a backup may hold: relative, at most MaxNameLength bytes,
// made of [A-Za-z0-9._-] parts joined by '/', no part "." or "..". The reader refuses any
// other, so a crafted archive cannot write outside the target directory.
bool isSafeName(const QString &name);

} // namespace Banter::Server::Tar
