// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/tarwriter.h"

#include <optional>

namespace Banter::Server {

// Reads the archives TarWriter writes, strictly: every header's checksum, regular files
// only, safe names only (Tar::isSafeName), zero padding and a zero trailer. Together with
// the SHA-256 of each member's content that the caller compares, any changed byte of the
// archive is noticed.
class TarReader
{
public:
    explicit TarReader(QIODevice &in)
        : m_in(in)
    { }

    // The next member's name and size (sha256 left empty), or nullopt at the end-of-archive
    // marker. The previous member's content must have been read.
    Result<std::optional<TarMember>> next();
    // Reads the current member's content into `sink` (or nowhere) and returns its SHA-256
    // (hex); the caller compares it with the manifest.
    Result<QString> readContent(QIODevice *sink);
    // The current member's content in memory, when it is at most `maxBytes` long.
    Result<QByteArray> readSmall(qint64 maxBytes);

private:
    Status readExactly(char *data, qint64 size);

    QIODevice &m_in;
    TarMember m_current;
    bool m_pending = false; // a member's content is waiting to be read
};

} // namespace Banter::Server
