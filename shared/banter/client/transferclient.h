// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>
#include <banter/protocol/transfermessages.h>

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Banter {

class ChannelTransport;
class ClientSession;
class TransferClientPrivate;

/**
 * @brief Uploads and downloads files for a signed-in ClientSession.
 *
 * Transfers run on a second connection to the server's /transfer path, so that file bytes
 * never queue in front of chat. Every transfer resumes by itself after a disconnect (from the
 * offset the other side has), can be paused, resumed and cancelled, and reports progress.
 * Uploads are hashed first and verified by the server; downloads are written to
 * "<target>.part", verified, then renamed into place, so a half-downloaded or corrupted file
 * never appears under its real name.
 *
 * The connection is a Channel with the session's request timeout and heartbeat: a request
 * the server does not answer in time, or a server gone silent, drops it, and every transfer
 * resumes on the next connection. Failures found on this side carry a ClientFailure in
 * Error::failure for the application to word.
 *
 * Each upload and each download is a small state machine inside; what it shows to the
 * outside is a State.
 */
class BANTERSHARED_EXPORT TransferClient : public QObject
{
    Q_OBJECT
public:
    /// Identifies a transfer within this client; never 0.
    using TransferId = quint64;
    /// Which way the bytes go.
    enum class Direction { Upload, Download };
    /// Where a transfer stands, as applications show it.
    enum class State {
        Idle, ///< Created, not started yet (applications also use it for "no transfer")
        Hashing, ///< Upload: computing the file's SHA-256
        Connecting, ///< Waiting for the transfer connection (it is down, or opening)
        Starting, ///< Asking the server to start or resume (download: opening the .part file)
        Queued, ///< Upload: waiting for one of ours to end (the server's uploads-at-a-time)
        Running, ///< Bytes are moving (download: also the final verification)
        Paused, ///< Stopped by pause(); resume() continues from where it got to
        Finished, ///< Uploaded (see Transfer::file) or downloaded into place
        Failed, ///< Gave up; Transfer::error says why; resume() tries again
        Cancelled, ///< Stopped by cancel() for good
    };
    Q_ENUM(State)

    /// A snapshot of one transfer.
    struct Transfer
    {
        TransferId id = 0; ///< This client's id of the transfer
        Direction direction = Direction::Upload; ///< Upload or download
        State state = State::Idle; ///< Where it stands
        QString localPath; ///< The file sent, or the download's target
        QString name; ///< The file's name on the server
        qint64 size = 0; ///< Total bytes (a download's is known once it started)
        /// Bytes confirmed by the server (upload) or written to disk (download).
        qint64 done = 0;
        /// The server's description, known once an upload finished or a download started.
        Protocol::FileInfo file;
        std::optional<Error> error; ///< Why it failed (state Failed)
    };

    /**
     * @brief Creates a transfer client for @p session.
     *
     * The transfer connection opens when there is work and the session is signed in; it signs
     * in with the session's access token and accepts only the certificate the session pinned.
     */
    explicit TransferClient(ClientSession &session, QObject *parent = nullptr);
    /**
     * @brief Creates a transfer client whose connection runs over @p transport instead of a
     * WebSocket, for example one end of MemoryTransport::createPair() in a test that plays the
     * server. A null @p transport means a WebSocket.
     */
    TransferClient(ClientSession &session, std::unique_ptr<ChannelTransport> transport,
                   QObject *parent = nullptr);
    /// Stops every transfer; a download's .part file stays for a later resume.
    ~TransferClient() override;

    /**
     * @brief Uploads the file at @p localPath, under @p name (default: its file name).
     * @return the new transfer's id. A file that cannot be read or is empty fails on the next
     * turn of the event loop (failed()).
     */
    TransferId upload(const QString &localPath, const QString &name = {});
    /**
     * @brief Downloads the file @p fileId to @p targetPath, through "<targetPath>.part".
     *
     * Bytes an earlier attempt left in the .part file are kept and not asked for again.
     * @return the new transfer's id.
     */
    TransferId download(const QString &fileId, const QString &targetPath);
    /// Pauses a transfer that has not ended; resume() continues it.
    void pause(TransferId id);
    /// Continues a paused or failed transfer from where it got to.
    void resume(TransferId id);
    /// Stops a transfer for good; the server forgets an upload's bytes, a download's .part
    /// file is removed.
    void cancel(TransferId id);
    /// The transfer @p id, or nothing for an unknown id.
    std::optional<Transfer> transfer(TransferId id) const;
    /// Every transfer of this client (including ended ones), in the order they were made.
    QList<Transfer> transfers() const;
    /// Whether the transfer connection is open and signed in.
    bool isConnected() const;

    /**
     * @brief Limits how far a download may run ahead of the disk.
     *
     * Downloads arrive as fast as the network allows; when the disk falls behind by more than
     * @p high bytes, the download is stopped on the server and asked for again from where it
     * got to once no more than @p low bytes wait, so memory does not grow with a slow disk.
     * Defaults: 16 MiB and 4 MiB.
     */
    void setDiskBacklogLimits(qint64 high, qint64 low);
    /// How many times a download waited for the disk that way (diagnostics, tests).
    quint64 diskWaits() const;

    /// The attachment of an image or file message for a finished upload's @p file.
    static Attachment attachmentFor(const Protocol::FileInfo &file);

Q_SIGNALS:
    /// Bytes confirmed (upload) or written (download): @p done of @p total.
    void progress(Banter::TransferClient::TransferId id, qint64 done, qint64 total);
    /// The transfer @p id moved to @p state.
    void stateChanged(Banter::TransferClient::TransferId id, Banter::TransferClient::State state);
    /// An upload finished; @p file is what the server stored (for attachmentFor()).
    void uploaded(Banter::TransferClient::TransferId id, const Banter::Protocol::FileInfo &file);
    /// A download finished and was verified; the file is at @p path.
    void downloaded(Banter::TransferClient::TransferId id, const QString &path);
    /// A transfer failed with @p error (it is in state Failed).
    void failed(Banter::TransferClient::TransferId id, const Banter::Error &error);

private:
    friend class TransferClientPrivate;
    std::unique_ptr<TransferClientPrivate> d;
};

} // namespace Banter
