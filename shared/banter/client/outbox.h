// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>
#include <banter/protocol/chatmessages.h>

#include <QFuture>
#include <QList>
#include <QPromise>

#include <memory>

namespace Banter {

/// Messages written but not yet acknowledged. An entry stays until the server answers for
/// it: a lost connection only marks it for resending with the same id, which the server
/// treats idempotently, so a message is sent once however often the network drops.
class BANTERSHARED_EXPORT Outbox
{
public:
    /// One message waiting for its acknowledgement.
    struct Entry
    {
        Protocol::SendMessageRequest request; ///< what to send, with its message id
        std::shared_ptr<QPromise<Result<Message>>> promise; ///< completed by resolve()
        QString rid; ///< the request id while on the wire; empty while unsent
        qint64 queuedAtMs = 0; ///< when it was written (ms since the epoch)
    };

    /// Queues a message; the future completes with the stored message or the final error.
    QFuture<Result<Message>> add(const Protocol::SendMessageRequest &request, qint64 nowMs);
    /// Entries not on the wire, in the order they were written.
    QList<Entry *> unsent();
    /// The entry sent with request id `rid`, or null.
    Entry *byRid(const QString &rid);
    /// Completes and removes the entry sent with `rid`.
    void resolve(const QString &rid, const Result<Message> &result);
    /// The connection dropped: everything on the wire must go again.
    void markAllUnsent();
    /// Gives up on everything (the session ended), failing each future with `error`.
    void failAll(const Error &error);

    /// How many messages wait.
    qsizetype size() const { return m_entries.size(); }
    /// Whether nothing waits.
    bool isEmpty() const { return m_entries.isEmpty(); }
    /// The waiting messages, in the order they were written.
    QList<Protocol::SendMessageRequest> requests() const;

private:
    QList<Entry> m_entries;
};

} // namespace Banter
