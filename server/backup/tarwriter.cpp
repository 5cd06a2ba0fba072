// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/tarwriter.h"

#include "backup/tarformat.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>

#include <cstring>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ChunkBytes = 1024 * 1024;

// An octal number in a field of `width` bytes: digits, then a NUL.
void putOctal(char *field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

// The size field: octal up to 8 GiB, above it the base-256 form GNU tar and bsdtar read
// (first byte 0x80, then the number big-endian), so a large database still fits.
void putSize(char *field, qint64 size)
{
    constexpr qint64 OctalLimit = 077777777777LL;
    if (size <= OctalLimit) {
        putOctal(field, 12, size);
        return;
    }
    field[0] = char(0x80);
    for (int i = 11; i >= 1; --i) {
        field[i] = char(size & 0xff);
        size >>= 8;
    }
}
} // namespace

Status TarWriter::write(const char *data, qint64 size)
{
    if (m_out.write(data, size) != size)
        return makeError(ErrorCode::Internal,
                         u"cannot write the archive: %1"_s.arg(m_out.errorString()));
    return success();
}

Status TarWriter::writeHeader(const QString &name, qint64 size)
{
    if (!Tar::isSafeName(name))
        return makeError(ErrorCode::Internal, u"'%1' is not a valid member name"_s.arg(name));
    char header[Tar::BlockSize] = {};
    const QByteArray utf8 = name.toUtf8();
    std::memcpy(header, utf8.constData(), size_t(utf8.size()));
    putOctal(header + 100, 8, 0600); // mode
    putOctal(header + 108, 8, 0); // uid
    putOctal(header + 116, 8, 0); // gid
    putSize(header + 124, size);
    putOctal(header + 136, 12, QDateTime::currentSecsSinceEpoch());
    header[156] = '0'; // a regular file
    std::memcpy(header + 257,
                "ustar\0"
                "00",
                8);
    // The checksum is the byte sum of the header with its own field read as spaces.
    std::memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (const char byte : header)
        sum += static_cast<unsigned char>(byte);
    putOctal(header + 148, 7, sum);
    header[155] = ' ';
    return write(header, Tar::BlockSize);
}

Result<TarMember> TarWriter::add(const QString &name, QIODevice &source, qint64 size)
{
    if (Status header = writeHeader(name, size); !header)
        return header.error();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(int(qMin(size, ChunkBytes)), Qt::Uninitialized);
    qint64 left = size;
    while (left > 0) {
        const qint64 read = source.read(chunk.data(), qMin(left, ChunkBytes));
        if (read <= 0)
            return makeError(
                ErrorCode::Internal,
                u"%1 ended %2 bytes early while it was archived"_s.arg(name).arg(left));
        hash.addData(QByteArrayView(chunk.constData(), read));
        if (Status written = write(chunk.constData(), read); !written)
            return written.error();
        left -= read;
    }
    const QByteArray padding(int(Tar::paddingFor(size)), '\0');
    if (Status written = write(padding.constData(), padding.size()); !written)
        return written.error();
    return TarMember{name, size, QString::fromLatin1(hash.result().toHex())};
}

Result<TarMember> TarWriter::add(const QString &name, const QByteArray &content)
{
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    return add(name, buffer, content.size());
}

Status TarWriter::finish()
{
    const QByteArray trailer(2 * Tar::BlockSize, '\0');
    return write(trailer.constData(), trailer.size());
}

} // namespace Banter::Server
