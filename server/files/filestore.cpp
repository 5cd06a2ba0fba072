// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "files/filestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions OwnerOnlyDirectory =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// mkpath, then owner-only: banterd runs with umask 077, but the store must not depend on
// who embeds it (the in-process test servers) or on an umask set elsewhere.
bool makePrivateDirectory(const QString &path)
{
    return QDir().mkpath(path) && QFile::setPermissions(path, OwnerOnlyDirectory);
}

bool syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}
} // namespace

FileStore::FileStore(QString root)
    : m_root(std::move(root))
{ }

Status FileStore::prepare() const
{
    if (!makePrivateDirectory(m_root) || !makePrivateDirectory(m_root + u"/partial"_s)
        || !makePrivateDirectory(m_root + u"/blobs"_s))
        return makeError(ErrorCode::Unavailable,
                         u"cannot create the file store under %1"_s.arg(m_root));
    return success();
}

QString FileStore::partialPath(const QString &uploadId) const
{
    Q_ASSERT(isServerId(uploadId));
    return m_root + u"/partial/"_s + uploadId;
}

QString FileStore::blobPath(const QString &sha256) const
{
    Q_ASSERT(sha256.size() == 64);
    return m_root + u"/blobs/"_s + sha256.left(2) + u'/' + sha256;
}

QByteArray FileStore::readBlobHead(const QString &sha256, qint64 maxBytes) const
{
    QFile blob(blobPath(sha256));
    if (!blob.open(QIODevice::ReadOnly))
        return {};
    return blob.read(maxBytes);
}

Status FileStore::commit(const QString &uploadId, const QString &sha256) const
{
    const QString target = blobPath(sha256);
    const QString blobDir = QFileInfo(target).absolutePath();
    if (QFile::exists(target)) {
        // Content someone already stored: the same durable steps as a new blob (an unlink
        // for the rename, both directory fsyncs), so the time of the answer does not tell
        // the uploader that this content is on the server.
        removePartial(uploadId);
        if (!syncDirectory(blobDir) || !syncDirectory(QFileInfo(blobDir).absolutePath()))
            return makeError(ErrorCode::Internal, u"cannot store the file"_s);
        return success();
    }
    if (!makePrivateDirectory(m_root + u"/blobs/"_s + sha256.left(2)))
        return makeError(ErrorCode::Internal, u"cannot create a blob directory"_s);
    // A rename within one file system: the blob appears whole or not at all.
    if (!QFile::rename(partialPath(uploadId), target) && !QFile::exists(target))
        return makeError(ErrorCode::Internal, u"cannot store the file"_s);
    removePartial(uploadId); // when a concurrent upload of the same content won the rename
    // The rename itself lives in the directory: make it durable before the database records
    // the file.
    if (!syncDirectory(blobDir) || !syncDirectory(QFileInfo(blobDir).absolutePath()))
        return makeError(ErrorCode::Internal, u"cannot store the file"_s);
    return success();
}

void FileStore::removePartial(const QString &uploadId) const
{
    QFile::remove(partialPath(uploadId));
}

QStringList FileStore::partialIds() const
{
    return QDir(m_root + u"/partial"_s).entryList(QDir::Files | QDir::Hidden);
}

QList<FileStore::Blob> FileStore::blobs() const
{
    QList<Blob> found;
    const QDir root(m_root + u"/blobs"_s);
    const QStringList prefixes = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &prefix : prefixes) {
        const QFileInfoList files = QDir(root.filePath(prefix)).entryInfoList(QDir::Files);
        for (const QFileInfo &file : files) {
            const QString name = file.fileName();
            const bool hex = std::all_of(name.cbegin(), name.cend(), [](QChar c) {
                return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
            });
            if (name.size() == 64 && hex && name.startsWith(prefix))
                found.append({name, file.size()});
        }
    }
    return found;
}

qint64 FileStore::removeBlob(const QString &sha256) const
{
    const QString path = blobPath(sha256);
    const qint64 size = QFileInfo(path).size();
    return QFile::remove(path) ? size : -1;
}

QString FileStore::newId()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

bool FileStore::isServerId(const QString &id)
{
    if (id.size() != 32)
        return false;
    for (QChar c : id) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace Banter::Server
