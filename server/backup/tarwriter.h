// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QIODevice>
#include <QString>

namespace Banter::Server {

// What was written for one member: its name, size and the SHA-256 of its content (hex).
struct TarMember
{
    QString name;
    qint64 size = 0;
    QString sha256;
};

// Writes a ustar archive of regular files (mode 0600) to a device, streaming: a member's
// content is read in chunks and hashed on the way, so a large database costs no memory.
// Written by hand rather than through tar(1): the hash comes out of the same read that
// writes the bytes, and no file name ever passes through a shell or a command line.
class TarWriter
{
public:
    explicit TarWriter(QIODevice &out)
        : m_out(out)
    { }

    // Copies exactly `size` bytes from `source`; a source that ends early (a file that
    // shrank) is an error.
    Result<TarMember> add(const QString &name, QIODevice &source, qint64 size);
    Result<TarMember> add(const QString &name, const QByteArray &content);
    // The end-of-archive marker: two zero blocks.
    Status finish();

private:
    Status writeHeader(const QString &name, qint64 size);
    Status write(const char *data, qint64 size);

    QIODevice &m_out;
};

} // namespace Banter::Server
