// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/outbox.h>

namespace Banter {

QFuture<Result<Message>> Outbox::add(const Protocol::SendMessageRequest &request, qint64 nowMs)
{
    Entry entry{request, std::make_shared<QPromise<Result<Message>>>(), {}, nowMs};
    entry.promise->start();
    QFuture<Result<Message>> future = entry.promise->future();
    m_entries.append(std::move(entry));
    return future;
}

QList<Outbox::Entry *> Outbox::unsent()
{
    QList<Entry *> result;
    for (Entry &entry : m_entries) {
        if (entry.rid.isEmpty())
            result.append(&entry);
    }
    return result;
}

Outbox::Entry *Outbox::byRid(const QString &rid)
{
    for (Entry &entry : m_entries) {
        if (entry.rid == rid)
            return &entry;
    }
    return nullptr;
}

void Outbox::resolve(const QString &rid, const Result<Message> &result)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].rid == rid) {
            Entry entry = m_entries.takeAt(i);
            entry.promise->addResult(result);
            entry.promise->finish();
            return;
        }
    }
}

void Outbox::markAllUnsent()
{
    for (Entry &entry : m_entries)
        entry.rid.clear();
}

void Outbox::failAll(const Error &error)
{
    const QList<Entry> entries = std::exchange(m_entries, {});
    for (const Entry &entry : entries) {
        entry.promise->addResult(Result<Message>(error));
        entry.promise->finish();
    }
}

QList<Protocol::SendMessageRequest> Outbox::requests() const
{
    QList<Protocol::SendMessageRequest> result;
    for (const Entry &entry : m_entries)
        result.append(entry.request);
    return result;
}

} // namespace Banter
