// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/protocol/transferframe.h>

#include <QtEndian>

namespace Banter::Protocol {

QByteArray encodeChunk(ChunkKind kind, const QByteArray &id, qint64 offset, QByteArrayView payload)
{
    Q_ASSERT(!id.isEmpty() && id.size() <= MaxChunkIdLength && offset >= 0);
    QByteArray frame;
    frame.reserve(2 + id.size() + 8 + payload.size());
    frame.append(char(kind));
    frame.append(char(id.size()));
    frame.append(id);
    char be[8];
    qToBigEndian(quint64(offset), be);
    frame.append(be, 8);
    frame.append(payload.data(), payload.size());
    return frame;
}

std::optional<ChunkView> decodeChunk(const QByteArray &frame)
{
    if (frame.size() < 2)
        return std::nullopt;
    const auto kind = quint8(frame.at(0));
    const int idLength = quint8(frame.at(1));
    if ((kind != quint8(ChunkKind::Upload) && kind != quint8(ChunkKind::Download)) || idLength < 1
        || idLength > MaxChunkIdLength || frame.size() < 2 + idLength + 8)
        return std::nullopt;
    ChunkView chunk;
    chunk.kind = ChunkKind(kind);
    chunk.id = frame.mid(2, idLength);
    for (char c : std::as_const(chunk.id)) {
        if (c <= ' ' || c > '~') // printable ASCII only: ids are never paths or names
            return std::nullopt;
    }
    const quint64 offset = qFromBigEndian<quint64>(frame.constData() + 2 + idLength);
    if (offset > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    chunk.offset = qint64(offset);
    chunk.payload = QByteArrayView(frame).sliced(2 + idLength + 8);
    return chunk;
}

} // namespace Banter::Protocol
