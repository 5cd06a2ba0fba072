// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlMessageRepository : public MessageRepository
{
public:
    explicit SqlMessageRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<std::optional<Message>> findById(const QUuid &id) override;
    Result<AppendedMessage> append(const Message &message) override;
    Result<QList<Message>> before(ConversationId id, Seq beforeSeq, int limit) override;
    Result<QList<Message>> after(ConversationId id, Seq afterSeq, int limit) override;

private:
    Result<QList<Message>> select(const QString &tail, const QVariantList &binds);

    SqlSession &m_session;
};

} // namespace Banter::Server
