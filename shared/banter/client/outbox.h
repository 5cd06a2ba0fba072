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

// Messages written but not yet acknowledged. An entry stays until the server answers for
// it: a lost connection only marks it for resending with the same id, which the server
// treats idempotently, so a message is sent once however often the network drops.
class BANTERSHARED_EXPORT Outbox
{
public:
    struct Entry
    {
        Protocol::SendMessageRequest request;
        std::shared_ptr<QPromise<Result<Message>>> promise;
        QString rid; // set while on the wire
        qint64 queuedAtMs = 0;
    };

    QFuture<Result<Message>> add(const Protocol::SendMessageRequest &request, qint64 nowMs);
    // Entries not on the wire, in the order they were written.
    QList<Entry *> unsent();
    Entry *byRid(const QString &rid);
    // Completes and removes the entry.
    void resolve(const QString &rid, const Result<Message> &result);
    // The connection dropped: everything on the wire must go again.
    void markAllUnsent();
    // Gives up on everything (the session ended), failing each future with `error`.
    void failAll(const Error &error);

    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    QList<Protocol::SendMessageRequest> requests() const;

private:
    QList<Entry> m_entries;
};

} // namespace Banter
