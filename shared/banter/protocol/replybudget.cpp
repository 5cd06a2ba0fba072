// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/protocol/frame.h>
#include <banter/protocol/replybudget.h>

#include <QJsonDocument>

namespace Banter::Protocol {

qint64 encodedSize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size();
}

ReplyBudget::ReplyBudget(qint64 limit)
    // Half the client bound at most: lists in one reply (sync has two) share one budget, and
    // the first item may go over the target by at most one item's size. A limit below the
    // envelope's room means one item per reply.
    : m_limit(qBound(ReplyEnvelopeBytes, limit, MaxServerFrameBytes / 2))
{ }

bool ReplyBudget::wouldOverflow(qint64 bytes) const
{
    // +1: the comma that separates the item from the one before it.
    return m_items > 0 && m_used + bytes + 1 > m_limit;
}

bool ReplyBudget::take(qint64 bytes)
{
    if (wouldOverflow(bytes))
        return false;
    m_used += bytes + 1;
    ++m_items;
    return true;
}

void ReplyBudget::force(qint64 bytes)
{
    m_used += bytes + 1;
    ++m_items;
}

} // namespace Banter::Protocol
