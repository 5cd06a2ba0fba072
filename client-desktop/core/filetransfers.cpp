// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/filetransfers.h"

#include "core/errortext.h"
#include "core/imageinfo.h"
#include <banter/client/clientsession.h>
#include <banter/domain/messagecontent.h>
#include <banter/domain/messageid.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeDatabase>
#include <QPointer>
#include <QStandardPaths>
#include <QThreadPool>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
// Leaves room for ".part" and for file systems that count bytes (ext4: 255).
constexpr int MaxCacheNameBytes = 200;

// Cuts base (keeping the extension) until fits(base + ext) holds, never inside a
// surrogate pair.
template<typename Fits>
QString shortened(const QString &name, Fits fits)
{
    if (fits(name))
        return name;
    const QString suffix = QFileInfo(name).suffix();
    const QString ext = suffix.isEmpty() || suffix.size() > 16 ? QString() : u"."_s + suffix;
    QString base = name.left(name.size() - ext.size());
    while (!base.isEmpty() && !fits(base + u"…"_s + ext)) {
        base.chop(1);
        if (!base.isEmpty() && base.back().isHighSurrogate())
            base.chop(1);
    }
    return base + u"…"_s + ext;
}

// Runs work on the thread pool, then done(result) on receiver's thread if it still exists.
template<typename Work, typename Done>
void inBackground(QObject *receiver, Work work, Done done)
{
    QPointer<QObject> guard(receiver);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)] {
        auto result = work();
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, result = std::move(result)] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}
} // namespace

FileTransfers::FileTransfers(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_client(session)
{
    connect(&m_client, &TransferClient::stateChanged, this, &FileTransfers::onStateChanged);
    connect(&m_client, &TransferClient::progress, this, &FileTransfers::onProgress);
    connect(&m_client, &TransferClient::uploaded, this, &FileTransfers::onUploaded);
    connect(&m_client, &TransferClient::downloaded, this, &FileTransfers::onDownloaded);
    connect(&m_client, &TransferClient::failed, this, &FileTransfers::onFailed);
    // TransferClient keeps a job "running" while the connection is down and resumes it on
    // its own; the session's state is what tells the bubbles to say "waiting".
    connect(&m_session, &ClientSession::stateChanged, this, &FileTransfers::onConnectionChanged);
}

FileTransfers::~FileTransfers() = default;

QString FileTransfers::cacheDir() const
{
    if (!m_cacheDir.isEmpty())
        return m_cacheDir;
    // Per account: two accounts on one computer never see each other's files.
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/files/"_s
        + QString::number(m_session.currentUser().id);
}

QString FileTransfers::cachePath(const QString &fileId, const QString &name) const
{
    const QString dir = cacheDir() + u'/' + fileId;
    QDir().mkpath(dir);
    return dir + u'/' + safeFileName(name);
}

QString FileTransfers::safeFileName(const QString &name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        const bool bad = c.category() == QChar::Other_Control || c == u'/' || c == u'\\'
            || c == u':' || c == u'*' || c == u'?' || c == u'"' || c == u'<' || c == u'>'
            || c == u'|';
        safe.append(bad ? u'_' : c);
    }
    safe = displayName(safe).trimmed();
    while (safe.startsWith(u'.'))
        safe.remove(0, 1); // no hidden files, no ".."
    if (safe.isEmpty())
        safe = u"file"_s;
    return shortened(safe, [](const QString &s) { return s.toUtf8().size() <= MaxCacheNameBytes; });
}

QString FileTransfers::displayName(const QString &name)
{
    // The server's rule (MessageContent::isDisguisingCharacter), for names from an older
    // server that stored them as sent: marks, embeddings, overrides, isolates and controls.
    QString shown = name;
    shown.removeIf([](QChar c) { return MessageContent::isDisguisingCharacter(c); });
    return shown;
}

QString FileTransfers::describe(const Error &error, const QString &name)
{
    const QString shown = displayName(name);
    if (error.failure != ClientFailure::None) // found by the library itself: a reason to word
        return ErrorText::describe(error, shown);
    switch (error.code) {
    case ErrorCode::TooLarge:
        return tr("“%1” is larger than this server accepts.").arg(shown);
    case ErrorCode::LimitExceeded:
        return tr("“%1” cannot be sent now: your storage on the server is full, or too many "
                  "uploads are running.")
            .arg(shown);
    case ErrorCode::NotFound:
        return tr("“%1” is no longer available.").arg(shown);
    case ErrorCode::Blocked:
        return tr("“%1” was not sent: the recipient blocked you.").arg(shown);
    case ErrorCode::Forbidden:
        return tr("You may not send “%1” here.").arg(shown);
    case ErrorCode::RateLimited:
    case ErrorCode::Internal:
    case ErrorCode::Unavailable:
        return tr("The server could not handle “%1” right now; try again later.").arg(shown);
    default:
        return tr("“%1”: %2").arg(shown, ErrorText::forCode(error));
    }
}

bool FileTransfers::send(ConversationId conversation, const QString &localPath, const QString &name,
                         const QString &caption)
{
    const QFileInfo info(localPath);
    QString label = name.isEmpty() ? info.fileName() : name;
    QFile probe(localPath);
    if (!info.isFile() || !probe.open(QIODevice::ReadOnly)) {
        Q_EMIT errorOccurred(tr("“%1” cannot be read.").arg(displayName(label)));
        return false;
    }
    if (info.size() == 0) {
        Q_EMIT errorOccurred(
            tr("“%1” is empty; empty files cannot be sent.").arg(displayName(label)));
        return false;
    }
    // The server refuses names over 255 characters; keep the extension, shorten the rest.
    label = shortened(label, [](const QString &s) {
        return MessageContent::characterCount(s) <= MessageContent::MaxFileNameLength;
    });
    Upload upload;
    upload.id = m_client.upload(localPath, label);
    upload.conversationId = conversation;
    upload.caption = caption;
    upload.localPath = localPath;
    upload.name = label;
    upload.size = info.size();
    upload.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    upload.state.status = shown(FileStatus::Hashing);
    upload.state.total = upload.size;
    // The size is in the image's header, cheap to read here: the bubble has its final shape
    // from the start. The thumbnail takes longer and comes from a worker thread.
    bool image = QMimeDatabase()
                     .mimeTypeForFile(localPath, QMimeDatabase::MatchContent)
                     .name()
                     .startsWith(u"image/"_s);
    if (image) {
        QImageReader reader(localPath);
        reader.setAutoTransform(true);
        QSize size = reader.size();
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            size.transpose();
        image = size.isValid() && !size.isEmpty();
        upload.width = image ? size.width() : 0;
        upload.height = image ? size.height() : 0;
    }
    upload.imageInfoReady = !image;
    const TransferClient::TransferId id = upload.id;
    m_uploads.emplace(id, std::move(upload));
    Q_EMIT uploadsChanged(conversation);
    if (image)
        makeImageInfo(id, localPath);
    return true;
}

// A pasted image lives only as a file to upload from; once sent, the server has it. A day is
// far longer than any upload waits to resume, so older pastes are removed as new ones come.
void FileTransfers::removeOldPastes(const QString &dir)
{
    const QDateTime cutoff = QDateTime::currentDateTime().addDays(-1);
    const QFileInfoList pastes = QDir(dir).entryInfoList({u"*.png"_s}, QDir::Files);
    for (const QFileInfo &paste : pastes) {
        if (paste.lastModified() < cutoff)
            QFile::remove(paste.filePath());
    }
}

bool FileTransfers::sendImage(ConversationId conversation, const QImage &image,
                              const QString &caption)
{
    if (image.isNull())
        return false;
    const QString name = tr("Pasted image %1.png")
                             .arg(QDateTime::currentDateTime().toString(u"yyyy-MM-dd hh.mm.ss"_s));
    const QString dir = cacheDir() + u"/pasted"_s;
    QDir().mkpath(dir);
    removeOldPastes(dir);
    // Several pastes sent at once share the millisecond: each gets a file of its own.
    const QString stem = dir + u'/' + QString::number(QDateTime::currentMSecsSinceEpoch());
    QString path = stem + u".png"_s;
    for (int n = 1; QFileInfo::exists(path); ++n)
        path = stem + u'-' + QString::number(n) + u".png"_s;
    if (!image.save(path, "PNG")) {
        Q_EMIT errorOccurred(tr("The pasted image could not be saved to %1.").arg(dir));
        return false;
    }
    return send(conversation, path, name, caption);
}

void FileTransfers::makeImageInfo(TransferClient::TransferId id, const QString &path)
{
    inBackground(
        this, [path] { return readImageInfo(path, MessageContent::MaxThumbnailBytes); },
        [this, id](const ImageInfo &info) {
            auto it = m_uploads.find(id);
            if (it == m_uploads.end())
                return;
            Upload &upload = it->second;
            upload.imageInfoReady = true;
            if (info.isValid()) {
                upload.width = info.width;
                upload.height = info.height;
                upload.thumbnail = info.thumbnail;
            } else {
                upload.width = upload.height = 0; // a header, but no image: send as a file
            }
            Q_EMIT uploadChanged(id);
            if (upload.uploaded)
                sendMessageFor(upload);
        });
}

void FileTransfers::cancelUpload(TransferClient::TransferId id)
{
    if (m_uploads.find(id) == m_uploads.end())
        return;
    m_client.cancel(id);
    removeUpload(id);
}

void FileTransfers::removeUpload(TransferClient::TransferId id)
{
    auto it = m_uploads.find(id);
    if (it == m_uploads.end())
        return;
    const ConversationId conversation = it->second.conversationId;
    m_uploads.erase(it);
    Q_EMIT uploadsChanged(conversation);
}

QList<FileTransfers::Upload> FileTransfers::uploads(ConversationId conversation) const
{
    QList<Upload> list;
    for (const auto &[id, upload] : m_uploads) {
        if (upload.conversationId == conversation)
            list.append(upload);
    }
    return list;
}

const FileTransfers::Upload *FileTransfers::upload(TransferClient::TransferId id) const
{
    auto it = m_uploads.find(id);
    return it == m_uploads.end() ? nullptr : &it->second;
}

FileStatus FileTransfers::shown(TransferClient::State state) const
{
    using S = TransferClient::State;
    switch (state) {
    case S::Hashing:
    case S::Connecting:
    case S::Starting:
    case S::Queued:
    case S::Running:
        // TransferClient keeps a job going while the connection is down and resumes it on its
        // own; the session's state is what tells the bubbles to say "waiting".
        if (!m_session.isReady())
            return S::Connecting;
        // The transfer connection opening while chat is up: "preparing", not "waiting".
        return state == S::Connecting ? S::Starting : state;
    case S::Idle:
    case S::Cancelled:
        return S::Idle; // on the server only
    case S::Paused:
    case S::Finished:
    case S::Failed:
        return state;
    }
    return S::Idle;
}

void FileTransfers::onConnectionChanged()
{
    for (auto &[id, upload] : m_uploads) {
        if (const auto t = m_client.transfer(id)) {
            upload.state.status = shown(t->state);
            Q_EMIT uploadChanged(id);
        }
    }
    for (auto it = m_downloadIds.cbegin(); it != m_downloadIds.cend(); ++it) {
        const auto t = m_client.transfer(it.key());
        auto d = m_downloads.find(it.value());
        if (!t || d == m_downloads.end() || d->id != it.key())
            continue;
        d->state.status = shown(t->state);
        Q_EMIT fileChanged(it.value());
    }
}

void FileTransfers::onStateChanged(TransferClient::TransferId id, TransferClient::State state)
{
    if (auto it = m_uploads.find(id); it != m_uploads.end()) {
        // Finished and failed are handled by onUploaded and onFailed.
        if (state != TransferClient::State::Finished && state != TransferClient::State::Failed) {
            it->second.state.status = shown(state);
            Q_EMIT uploadChanged(id);
        }
        return;
    }
    const QString fileId = m_downloadIds.value(id);
    auto d = m_downloads.find(fileId);
    if (d == m_downloads.end() || d->id != id || state == TransferClient::State::Finished
        || state == TransferClient::State::Failed)
        return;
    d->state.status = shown(state);
    Q_EMIT fileChanged(fileId);
}

void FileTransfers::onProgress(TransferClient::TransferId id, qint64 done, qint64 total)
{
    if (auto it = m_uploads.find(id); it != m_uploads.end()) {
        it->second.state.done = done;
        it->second.state.total = total;
        Q_EMIT uploadChanged(id);
        return;
    }
    const QString fileId = m_downloadIds.value(id);
    auto d = m_downloads.find(fileId);
    if (d == m_downloads.end() || d->id != id)
        return;
    d->state.done = done;
    d->state.total = total;
    Q_EMIT fileChanged(fileId);
}

void FileTransfers::onUploaded(TransferClient::TransferId id, const Protocol::FileInfo &file)
{
    auto it = m_uploads.find(id);
    if (it == m_uploads.end())
        return;
    Upload &upload = it->second;
    upload.uploaded = file;
    upload.state.status = FileStatus::Finished;
    upload.state.done = upload.state.total;
    // What this client sent it can show and open without downloading it again.
    m_sentFiles.insert(file.id, upload.localPath);
    if (upload.imageInfoReady)
        sendMessageFor(upload);
    else
        Q_EMIT uploadChanged(id);
}

void FileTransfers::sendMessageFor(Upload &upload)
{
    const Protocol::FileInfo file = *upload.uploaded;
    Protocol::SendMessageRequest request;
    request.id = newMessageId();
    request.conversationId = upload.conversationId;
    request.type = MessageType::File;
    request.attachment = TransferClient::attachmentFor(file);
    request.content = upload.caption;
    // The server decides what is an image (it sniffs the bytes); an image it accepts needs
    // the size, and gets the thumbnail the recipient shows before downloading.
    if (file.mimeType.startsWith(u"image/"_s) && upload.width > 0 && upload.height > 0) {
        request.type = MessageType::Image;
        request.attachment.width = upload.width;
        request.attachment.height = upload.height;
        request.attachment.thumbnail = upload.thumbnail;
    }
    const QString name = upload.name;
    // The bubble of the upload gives way to the message's (from the outbox) in one go.
    removeUpload(upload.id);
    m_session.sendMessage(request).then(this, [this, name](Result<Message> sent) {
        if (!sent)
            Q_EMIT errorOccurred(describe(sent.error(), name));
    });
}

void FileTransfers::onFailed(TransferClient::TransferId id, const Error &error)
{
    if (auto it = m_uploads.find(id); it != m_uploads.end()) {
        const QString name = it->second.name;
        removeUpload(id);
        Q_EMIT errorOccurred(describe(error, name));
        return;
    }
    const QString fileId = m_downloadIds.take(id);
    auto d = m_downloads.find(fileId);
    if (d == m_downloads.end() || d->id != id)
        return;
    d->id = 0;
    d->state.status = FileStatus::Failed;
    d->state.error = describe(error, d->name);
    d->copyTo.clear();
    Q_EMIT fileChanged(fileId);
    Q_EMIT errorOccurred(d->state.error);
}

void FileTransfers::onDownloaded(TransferClient::TransferId id, const QString &path)
{
    const QString fileId = m_downloadIds.take(id);
    auto d = m_downloads.find(fileId);
    if (d == m_downloads.end() || d->id != id)
        return;
    d->id = 0;
    d->state.status = FileStatus::Finished;
    d->state.done = d->state.total;
    d->state.localPath = path;
    const QStringList targets = std::exchange(d->copyTo, {});
    const bool image = d->isImage;
    const bool chosen = d->chosen;
    Q_EMIT fileChanged(fileId);
    for (const QString &target : targets)
        copyFile(fileId, path, target);
    if (image)
        makePreview(fileId, path);
    if (chosen)
        Q_EMIT saved(fileId, path);
}

FileState FileTransfers::state(const QString &fileId) const
{
    auto d = m_downloads.constFind(fileId);
    if (d != m_downloads.cend() && d->state.status != FileStatus::Idle)
        return d->state;
    FileState state;
    if (const QString sent = m_sentFiles.value(fileId); !sent.isEmpty()) {
        state.status = FileStatus::Finished;
        state.localPath = sent;
        return state;
    }
    // Downloaded in an earlier run: the cache keeps one directory per file id. Looked at
    // once per file, not on every paint.
    if (m_scanned.contains(fileId))
        return state;
    m_scanned.insert(fileId);
    const QDir dir(cacheDir() + u'/' + fileId);
    for (const QFileInfo &entry : dir.entryInfoList(QDir::Files)) {
        if (!entry.fileName().endsWith(u".part"_s)) {
            state.status = FileStatus::Finished;
            state.localPath = entry.filePath();
            state.done = state.total = entry.size();
            Download &known = m_downloads[fileId];
            known.fileId = fileId;
            known.state = state;
            break;
        }
    }
    return state;
}

FileState FileTransfers::checkedState(const QString &fileId)
{
    const FileState current = state(fileId);
    if (current.status != FileStatus::Finished || QFileInfo::exists(current.localPath))
        return current;
    m_sentFiles.remove(fileId);
    if (auto d = m_downloads.find(fileId); d != m_downloads.end())
        d->state = FileState{};
    m_previews.remove(fileId);
    Q_EMIT fileChanged(fileId);
    return state(fileId);
}

void FileTransfers::download(const Attachment &attachment)
{
    const FileState current = checkedState(attachment.fileId);
    if (current.status != FileStatus::Idle && current.status != FileStatus::Failed)
        return;
    const QString path = cachePath(attachment.fileId, attachment.name);
    Download &d = m_downloads[attachment.fileId];
    d.fileId = attachment.fileId;
    d.name = attachment.name;
    d.path = path;
    d.isImage = d.isImage || attachment.width > 0;
    d.chosen = false;
    d.state = FileState{FileStatus::Starting, 0, attachment.size, {}, {}};
    d.id = m_client.download(attachment.fileId, path);
    m_downloadIds.insert(d.id, attachment.fileId);
    Q_EMIT fileChanged(attachment.fileId);
}

void FileTransfers::cancelDownload(const QString &fileId)
{
    auto d = m_downloads.find(fileId);
    if (d == m_downloads.end() || !d->id)
        return;
    m_client.cancel(d->id);
    m_downloadIds.remove(d->id);
    d->id = 0;
    d->copyTo.clear();
    d->state = FileState{};
    Q_EMIT fileChanged(fileId);
}

void FileTransfers::saveAs(const Attachment &attachment, const QString &target)
{
    const FileState current = checkedState(attachment.fileId);
    switch (current.status) {
    case FileStatus::Finished:
        return copyFile(attachment.fileId, current.localPath, target);
    case FileStatus::Idle:
    case FileStatus::Failed: {
        // Not here yet: straight to where the user wants it, no second copy in the cache.
        Download &d = m_downloads[attachment.fileId];
        d.fileId = attachment.fileId;
        d.name = attachment.name;
        d.path = target;
        d.chosen = true;
        d.state = FileState{FileStatus::Starting, 0, attachment.size, {}, {}};
        d.id = m_client.download(attachment.fileId, target);
        m_downloadIds.insert(d.id, attachment.fileId);
        Q_EMIT fileChanged(attachment.fileId);
        return;
    }
    default: // on its way: copy when it is here (one download of a file at a time)
        m_downloads[attachment.fileId].copyTo.append(target);
        return;
    }
}

QString FileTransfers::downloadDir() const
{
    if (!m_downloadDir.isEmpty())
        return m_downloadDir;
    return QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
}

QString FileTransfers::freePath(const QString &dir, const QString &name, int from)
{
    const QFileInfo info(name);
    // "archive.tar.gz" → "archive (1).tar.gz"; a name without a dot gets the number at the end.
    const QString base = info.completeBaseName().isEmpty() ? name : info.baseName();
    const QString suffix = base == name ? QString() : name.mid(base.size());
    auto taken = [](const QString &path) {
        return QFileInfo::exists(path) || QFileInfo::exists(path + u".part"_s);
    };
    auto numbered = [&](int n) -> QString {
        if (n == 0)
            return dir + u'/' + name;
        return dir + u'/' + base + u" ("_s + QString::number(n) + u')' + suffix;
    };
    int n = from;
    while (taken(numbered(n)))
        ++n;
    return numbered(n);
}

QString FileTransfers::saveToDownloads(const Attachment &attachment)
{
    const QString dir = downloadDir();
    if (!QDir().mkpath(dir)) {
        Q_EMIT errorOccurred(tr("Could not save to %1.").arg(dir));
        return {};
    }
    QString target = freePath(dir, safeFileName(attachment.name));
    // A name another download is on its way to is taken too, though nothing is on the disk.
    QSet<QString> planned;
    for (const Download &d : std::as_const(m_downloads)) {
        if (d.id)
            planned.insert(d.path);
        for (const QString &copy : d.copyTo)
            planned.insert(copy);
    }
    for (int n = 1; planned.contains(target); ++n)
        target = freePath(dir, safeFileName(attachment.name), n);
    saveAs(attachment, target);
    return target;
}

void FileTransfers::copyFile(const QString &fileId, const QString &from, const QString &to)
{
    if (QFileInfo(from).canonicalFilePath() == QFileInfo(to).canonicalFilePath()) {
        Q_EMIT saved(fileId, to);
        return;
    }
    // A large file takes a while to copy: not on the GUI thread.
    inBackground(
        this,
        [from, to] {
            QFile::remove(to);
            return QFile::copy(from, to);
        },
        [this, fileId, to](bool ok) {
            if (ok)
                Q_EMIT saved(fileId, to);
            else
                Q_EMIT errorOccurred(tr("Could not save to %1.").arg(to));
        });
}

void FileTransfers::fetchImage(const Attachment &attachment)
{
    if (attachment.fileId.isEmpty())
        return;
    m_downloads[attachment.fileId].isImage = true;
    m_downloads[attachment.fileId].fileId = attachment.fileId;
    const FileState current = checkedState(attachment.fileId);
    if (current.status == FileStatus::Finished)
        return; // here already: its preview is made when it is shown (preview())
    // Failed ones wait for a click rather than retrying on every repaint.
    if (current.status == FileStatus::Idle && attachment.size <= AutoDownloadImageBytes)
        download(attachment);
}

QImage FileTransfers::preview(const Attachment &attachment)
{
    if (const QImage *cached = m_previews.object(attachment.fileId))
        return *cached;
    // Evicted (or never made): make it again from the cached file, off this thread; until
    // then the bubble shows the thumbnail.
    const FileState current = state(attachment.fileId);
    if (current.status == FileStatus::Finished && !current.localPath.isEmpty())
        makePreview(attachment.fileId, current.localPath);
    return {};
}

void FileTransfers::makePreview(const QString &fileId, const QString &path)
{
    if (m_previewsLoading.contains(fileId) || m_previewsFailed.contains(fileId))
        return;
    m_previewsLoading.insert(fileId);
    // Twice the bubble's size: sharp on high-density screens.
    inBackground(
        this, [path] { return readScaled(path, PreviewSide * 2); },
        [this, fileId](const QImage &image) {
            m_previewsLoading.remove(fileId);
            if (image.isNull()) {
                m_previewsFailed.insert(fileId); // not an image we can read: do not retry
                return;
            }
            m_previews.insert(fileId, new QImage(image), qMax<qint64>(1, image.sizeInBytes()));
            Q_EMIT fileChanged(fileId);
        });
}

QImage FileTransfers::thumbnail(const Attachment &attachment) const
{
    if (attachment.thumbnail.isEmpty())
        return {};
    auto it = m_thumbnails.constFind(attachment.fileId);
    if (it != m_thumbnails.cend())
        return *it;
    const QImage image = QImage::fromData(attachment.thumbnail);
    m_thumbnails.insert(attachment.fileId, image);
    return image;
}

} // namespace Banter::Desktop
