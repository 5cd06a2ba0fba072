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

/// Which way a chunk travels; the value is the frame's first byte.
enum class ChunkKind : quint8 {
    Upload = 1, ///< client to server, part of an upload
    Download = 2, ///< server to client, part of a download
};

/// A decoded binary chunk frame; the payload is not copied.
struct ChunkView
{
    ChunkKind kind = ChunkKind::Upload; ///< upload or download
    QByteArray id; ///< the upload or file id
    qint64 offset = 0; ///< where the payload belongs in the file
    QByteArrayView payload; ///< points into the frame it was decoded from
};

inline constexpr int MaxChunkIdLength = 64; ///< longest upload or file id in a chunk

/// A binary frame carrying \a payload at \a offset of the upload or file \a id.
BANTERSHARED_EXPORT QByteArray encodeChunk(ChunkKind kind, const QByteArray &id, qint64 offset,
                                           QByteArrayView payload);
/// Empty when the frame is not a well-formed chunk.
BANTERSHARED_EXPORT std::optional<ChunkView> decodeChunk(const QByteArray &frame);

} // namespace Banter::Protocol
