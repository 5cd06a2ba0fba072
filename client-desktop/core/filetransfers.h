// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/transferclient.h>
#include <banter/domain/ids.h>
#include <banter/domain/message.h>

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <map>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Where a file stands for this client, as the bubbles show it: the states of TransferClient,
// not a mirror of them. While a transfer is about the file it is that transfer's state, with
// Connecting for "waiting for the connection" whenever the chat session is not ready. With no
// transfer about it, Idle means on the server only (offer to download; a cancelled download
// is that again) and Finished means here (downloaded, or the original this client sent).
using FileStatus = TransferClient::State;

struct FileState
{
    FileStatus status = FileStatus::Idle;
    qint64 done = 0;
    qint64 total = 0;
    QString localPath; // the downloaded (or, for what this client sent, the original) file
    QString error;
};

// The desktop's file and image transfers over one TransferClient: uploads that turn into
// image or file messages when they finish, downloads into a per-account cache (or to a path
// the user chose), small previews of downloaded images, and the error texts a person reads.
// The models and bubbles ask it by file id or upload id; it never touches widgets.
class FileTransfers : public QObject
{
    Q_OBJECT
public:
    // An attachment the user is sending that is not a message yet.
    struct Upload
    {
        TransferClient::TransferId id = 0;
        ConversationId conversationId = 0;
        QString localPath;
        QString name;
        qint64 size = 0;
        qint64 createdAtMs = 0;
        FileState state;
        // Made on a worker thread from the local file while the bytes travel.
        bool imageInfoReady = false;
        int width = 0;
        int height = 0;
        QByteArray thumbnail;
        QString caption; // the message's text
        std::optional<Protocol::FileInfo> uploaded; // set once the server stored it
    };

    // Images up to this size are fetched by themselves when they are shown.
    static constexpr qint64 AutoDownloadImageBytes = 25 * 1024 * 1024;
    // The longest side of an image preview in a bubble, in device-independent pixels.
    static constexpr int PreviewSide = 320;

    explicit FileTransfers(ClientSession &session, QObject *parent = nullptr);
    ~FileTransfers() override;

    TransferClient &client() { return m_client; }
    // Defaults to <CacheLocation>/files/<user id>; one directory per file id below it.
    void setCacheDir(const QString &dir) { m_cacheDir = dir; }
    QString cacheDir() const;

    // Sending. Checks what can be checked locally first (readable, not empty) and returns
    // false with a reason in errorOccurred() if the file cannot be sent at all.
    // The caption is the message's text, sent with the file.
    bool send(ConversationId conversation, const QString &localPath, const QString &name = {},
              const QString &caption = {});
    // Saves the image as PNG in the cache and sends it; for paste.
    bool sendImage(ConversationId conversation, const QImage &image, const QString &caption = {});
    void cancelUpload(TransferClient::TransferId id);
    QList<Upload> uploads(ConversationId conversation) const;
    const Upload *upload(TransferClient::TransferId id) const;

    // Receiving.
    // What the bubbles show; asked for on every paint, so it touches no disk (beyond one
    // look into the cache per file).
    FileState state(const QString &fileId) const;
    // The same, after making sure a file that is "here" still is (someone may have deleted
    // it): what actions (open, save as, download, preview) go by. A vanished file is
    // forgotten, and shows as on the server again.
    FileState checkedState(const QString &fileId);
    // Downloads into the cache unless it is there or on its way.
    void download(const Attachment &attachment);
    void cancelDownload(const QString &fileId);
    // Copies the file to target once it is here; downloads straight to target when it is not.
    void saveAs(const Attachment &attachment, const QString &target);
    // "Download": saves the file in the user's Downloads folder under its own name, or a
    // numbered copy of it ("report (1).pdf") when that name is taken; never overwrites.
    // Returns where it goes.
    QString saveToDownloads(const Attachment &attachment);
    // Defaults to QStandardPaths::DownloadLocation.
    void setDownloadDir(const QString &dir) { m_downloadDir = dir; }
    QString downloadDir() const;
    // `name` in `dir`, or the first of "name (1).ext", "name (2).ext", … that is free (no
    // file and no partial download there), starting from number `from` (0: the name itself).
    static QString freePath(const QString &dir, const QString &name, int from = 0);
    // Starts the download of an image to show, within AutoDownloadImageBytes.
    void fetchImage(const Attachment &attachment);
    // The downloaded image scaled to a bubble, or null while there is none (yet, or again:
    // previews are kept up to previewCacheBytes, the least recently shown go first). A null
    // preview of a downloaded image is made again in the background.
    QImage preview(const Attachment &attachment);
    void setPreviewCacheBytes(qint64 bytes) { m_previews.setMaxCost(bytes); }
    qsizetype cachedPreviewCount() const { return m_previews.count(); }
    // The attachment's thumbnail, decoded once.
    QImage thumbnail(const Attachment &attachment) const;

    // What a person reads when a transfer or send fails.
    static QString describe(const Error &error, const QString &name);
    // The cache's name for a file: no path separators, no control characters, at most
    // about 200 bytes of UTF-8 so that "<name>.part" fits every file system.
    static QString safeFileName(const QString &name);
    // A name for display: bidirectional marks, overrides and isolates and control characters
    // removed, so that "photo<U+202E>gpj.exe" cannot pass for "photoexe.jpg". The file card
    // also shows the real extension (the last suffix) on its icon.
    static QString displayName(const QString &name);

Q_SIGNALS:
    // An upload was added to or removed from the conversation (it became a message).
    void uploadsChanged(Banter::ConversationId conversation);
    void uploadChanged(Banter::TransferClient::TransferId id);
    void fileChanged(const QString &fileId);
    void errorOccurred(const QString &message);
    void saved(const QString &fileId, const QString &path);

private:
    static void removeOldPastes(const QString &dir);
    struct Download
    {
        TransferClient::TransferId id = 0;
        QString fileId;
        QString name;
        QString path;
        bool isImage = false;
        bool chosen = false; // downloading straight to where the user saved it
        QStringList copyTo; // save-as targets waiting for the download
        FileState state;
    };

    // What the bubbles show for a transfer in `state` (see FileStatus).
    FileStatus shown(TransferClient::State state) const;
    QString cachePath(const QString &fileId, const QString &name) const;
    void onStateChanged(TransferClient::TransferId id, TransferClient::State state);
    void onProgress(TransferClient::TransferId id, qint64 done, qint64 total);
    void onUploaded(TransferClient::TransferId id, const Protocol::FileInfo &file);
    void onDownloaded(TransferClient::TransferId id, const QString &path);
    void onFailed(TransferClient::TransferId id, const Error &error);
    void onConnectionChanged();
    void makeImageInfo(TransferClient::TransferId id, const QString &path);
    void sendMessageFor(Upload &upload);
    void removeUpload(TransferClient::TransferId id);
    void makePreview(const QString &fileId, const QString &path);
    void copyFile(const QString &fileId, const QString &from, const QString &to);

    ClientSession &m_session;
    TransferClient m_client;
    QString m_cacheDir;
    QString m_downloadDir;
    std::map<TransferClient::TransferId, Upload> m_uploads;
    QHash<TransferClient::TransferId, QString> m_downloadIds; // transfer → file id
    mutable QHash<QString, Download> m_downloads; // by file id; state() learns from the cache
    mutable QSet<QString> m_scanned; // file ids whose cache directory state() looked at
    QHash<QString, QString> m_sentFiles; // file id → the local file this client uploaded
    QCache<QString, QImage> m_previews{64 * 1024 * 1024}; // cost: bytes
    QSet<QString> m_previewsLoading;
    QSet<QString> m_previewsFailed;
    mutable QHash<QString, QImage> m_thumbnails;
};

} // namespace Banter::Desktop
