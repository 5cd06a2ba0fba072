// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The binary frames of the transfer connection: one chunk of an upload (client to server)
// or of a download (server to client).
//   byte 0       kind: 1 = upload chunk, 2 = download chunk
//   byte 1       n, the length of the id (1..64)
//   bytes 2..    the upload or file id (ASCII)
//   next 8       the offset of the first payload byte, unsigned big-endian
//   the rest     payload
// A frame carries the id and offset so that a receiver can check every chunk lands where
// it should; resuming is then just "start again from the offset the other side has".

#include <banter/bantershared_export.h>

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Banter::Protocol {

enum class ChunkKind : quint8 { Upload = 1, Download = 2 };

struct ChunkView
{
    ChunkKind kind = ChunkKind::Upload;
    QByteArray id;
    qint64 offset = 0;
    QByteArrayView payload; // points into the frame it was decoded from
};

inline constexpr int MaxChunkIdLength = 64;

BANTERSHARED_EXPORT QByteArray encodeChunk(ChunkKind kind, const QByteArray &id, qint64 offset,
                                           QByteArrayView payload);
// Empty when the frame is not a well-formed chunk.
BANTERSHARED_EXPORT std::optional<ChunkView> decodeChunk(const QByteArray &frame);

} // namespace Banter::Protocol
