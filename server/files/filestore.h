// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>

#include <QString>
#include <QStringList>

namespace Banter::Server {

// Where file content lives on disk, under <data dir>/files:
//   partial/<upload id>          bytes of an unfinished upload
//   blobs/<sha[0..1]>/<sha256>   finished content, named by its hash: stored once
// Every name here is made by the server (random ids, hex hashes): a client's file name
// never becomes part of a path. Plain functions over the file system, safe on any thread.
class FileStore
{
public:
    explicit FileStore(QString root);

    Status prepare() const;
    QString partialPath(const QString &uploadId) const;
    QString blobPath(const QString &sha256) const;
    // The first bytes (at most maxBytes) of stored content, to read a header; empty when it
    // cannot be read.
    QByteArray readBlobHead(const QString &sha256, qint64 maxBytes) const;
    // Moves a verified partial file into the blob store; when the content is already there,
    // the partial file is simply removed.
    Status commit(const QString &uploadId, const QString &sha256) const;
    void removePartial(const QString &uploadId) const;
    QStringList partialIds() const;

    // A finished blob: its hash and size.
    struct Blob
    {
        QString sha256;
        qint64 size = 0;
    };
    // Every blob in the store (names that are not a SHA-256 are left alone).
    QList<Blob> blobs() const;
    // Removes a blob; its size, or -1 when it was not there or could not be removed.
    qint64 removeBlob(const QString &sha256) const;

    // A random id for uploads and files: 128 bits as lower-case hex.
    static QString newId();
    static bool isServerId(const QString &id);

private:
    QString m_root;
};

} // namespace Banter::Server
