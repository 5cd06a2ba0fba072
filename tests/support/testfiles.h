// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Files for transfer tests: large pseudo-random content written in blocks (never held in
// memory whole), and the SHA-256 of a file, to compare what arrived with what was sent.

#include <QByteArray>
#include <QString>

namespace Banter::Test {

// `size` bytes of content fixed by `seed`, written 1 MiB at a time.
bool writeRandomFile(const QString &path, qint64 size, quint32 seed);
// Lower-case hex SHA-256 of the file's content; empty if it cannot be read.
QByteArray sha256OfFile(const QString &path);

} // namespace Banter::Test
