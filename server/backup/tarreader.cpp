// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/tarreader.h"

#include "backup/tarformat.h"

#include <QBuffer>
#include <QCryptographicHash>

#include <algorithm>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ChunkBytes = 1024 * 1024;

Error damaged(const QString &why)
{
    return makeError(ErrorCode::BadRequest, u"the archive is damaged: %1"_s.arg(why));
}

// An octal field: optional spaces, digits, then NUL or space up to the end.
std::optional<qint64> parseOctal(const char *field, int width)
{
    qint64 value = 0;
    int i = 0;
    while (i < width && field[i] == ' ')
        ++i;
    const int start = i;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value > (std::numeric_limits<qint64>::max() >> 3))
            return std::nullopt;
        value = value * 8 + (field[i] - '0');
    }
    if (i == start)
        return std::nullopt;
    for (; i < width; ++i) {
        if (field[i] != '\0' && field[i] != ' ')
            return std::nullopt;
    }
    return value;
}

std::optional<qint64> parseSize(const char *field)
{
    if (static_cast<unsigned char>(field[0]) != 0x80)
        return parseOctal(field, 12);
    qint64 value = 0;
    for (int i = 1; i < 12; ++i) {
        if (value > (std::numeric_limits<qint64>::max() >> 8))
            return std::nullopt;
        value = (value << 8) | static_cast<unsigned char>(field[i]);
    }
    return value;
}

bool allZero(const char *data, qint64 size)
{
    return std::all_of(data, data + size, [](char c) { return c == '\0'; });
}
} // namespace

Status TarReader::readExactly(char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 read = m_in.read(data + done, size - done);
        if (read <= 0)
            return damaged(u"it ends in the middle (truncated?)"_s);
        done += read;
    }
    return success();
}

Result<std::optional<TarMember>> TarReader::next()
{
    Q_ASSERT(!m_pending);
    char header[Tar::BlockSize];
    if (Status read = readExactly(header, Tar::BlockSize); !read)
        return read.error();
    if (allZero(header, Tar::BlockSize)) {
        // The end marker is two zero blocks; nothing may follow but more zeros (tar pads
        // archives to a record size).
        if (Status read = readExactly(header, Tar::BlockSize); !read)
            return read.error();
        if (!allZero(header, Tar::BlockSize))
            return damaged(u"a member header is blank"_s);
        char rest[Tar::BlockSize];
        qint64 read = 0;
        while ((read = m_in.read(rest, Tar::BlockSize)) > 0) {
            if (!allZero(rest, read))
                return damaged(u"data follows the end-of-archive marker"_s);
        }
        return std::optional<TarMember>();
    }
    const std::optional<qint64> stored = parseOctal(header + 148, 8);
    std::fill(header + 148, header + 156, ' ');
    unsigned sum = 0;
    for (const char byte : header)
        sum += static_cast<unsigned char>(byte);
    if (!stored || *stored != qint64(sum))
        return damaged(u"a member header fails its checksum"_s);
    if (header[156] != '0' && header[156] != '\0')
        return damaged(u"it holds something other than regular files"_s);
    if (header[345] != '\0')
        return damaged(u"it uses long names, which backups never write"_s);
    const QString name = QString::fromUtf8(header, int(qstrnlen(header, Tar::MaxNameLength)));
    if (!Tar::isSafeName(name))
        return damaged(u"it holds a member named '%1', which a backup never writes"_s.arg(name));
    const std::optional<qint64> size = parseSize(header + 124);
    if (!size)
        return damaged(u"the size of %1 is unreadable"_s.arg(name));
    m_current = {name, *size, {}};
    m_pending = true;
    return std::optional<TarMember>(m_current);
}

Result<QString> TarReader::readContent(QIODevice *sink)
{
    Q_ASSERT(m_pending);
    m_pending = false;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(int(qMin(qMax<qint64>(m_current.size, Tar::BlockSize), ChunkBytes)),
                     Qt::Uninitialized);
    qint64 left = m_current.size;
    while (left > 0) {
        const qint64 part = qMin(left, qint64(chunk.size()));
        if (Status read = readExactly(chunk.data(), part); !read)
            return read.error();
        hash.addData(QByteArrayView(chunk.constData(), part));
        if (sink && sink->write(chunk.constData(), part) != part)
            return makeError(ErrorCode::Internal,
                             u"cannot write %1: %2"_s.arg(m_current.name, sink->errorString()));
        left -= part;
    }
    const qint64 padding = Tar::paddingFor(m_current.size);
    if (Status read = readExactly(chunk.data(), padding); !read)
        return read.error();
    if (!allZero(chunk.constData(), padding))
        return damaged(u"the padding after %1 is not blank"_s.arg(m_current.name));
    return QString::fromLatin1(hash.result().toHex());
}

Result<QByteArray> TarReader::readSmall(qint64 maxBytes)
{
    if (m_current.size > maxBytes)
        return damaged(u"%1 is larger (%2 bytes) than any backup writes"_s.arg(m_current.name)
                           .arg(m_current.size));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Result<QString> read = readContent(&buffer);
    if (!read)
        return read.error();
    return buffer.data();
}

} // namespace Banter::Server
