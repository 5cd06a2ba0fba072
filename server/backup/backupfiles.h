// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// File-system steps that backup and restore share.

#include <banter/domain/result.h>

#include <QString>

namespace Banter::Server {

// The SHA-256 of a file's content (hex), read in chunks.
Result<QString> sha256OfFile(const QString &path);
// Whether `text` is a SHA-256 in lower-case hex, as blob names are.
bool isSha256Hex(const QString &text);
// fsync of a directory, so a rename or a new file in it survives a power cut.
bool syncDirectory(const QString &path);
// fdatasync of an open file descriptor.
bool syncFile(int fd);

} // namespace Banter::Server
