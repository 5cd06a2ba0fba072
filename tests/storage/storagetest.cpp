// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagetest.h"

#include "storage/sqlconnection.h"
#include "storage/storagefactory.h"

namespace Banter::Test {

using namespace Qt::StringLiterals;

StorageGate::StorageGate(StorageExecutor &storage)
{
    StorageJob job;
    job.work = [running = m_running, open = m_open](Repositories &) {
        running->release();
        open->acquire();
        return true;
    };
    storage.submit(std::move(job));
    m_running->acquire(); // the storage thread is inside the job now
}

void StorageGate::release()
{
    if (!m_released)
        m_open->release();
    m_released = true;
}

Participant member(UserId id, ParticipantRole role)
{
    Participant p;
    p.userId = id;
    p.role = role;
    p.joinedAtMs = 1;
    return p;
}

Message textMessage(ConversationId conversation, UserId sender, const QString &content, QUuid id,
                    qint64 createdAtMs)
{
    Message m;
    m.id = id;
    m.conversationId = conversation;
    m.senderId = sender;
    m.content = content;
    m.createdAtMs = createdAtMs;
    return m;
}

RawConnection::RawConnection(const QString &url)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url);
    if (!spec) {
        m_error = spec.error().message;
        return;
    }
    m_name = uniqueConnectionName(u"test"_s);
    m_session = std::make_unique<SqlSession>(addSqlConnection(*spec, m_name), spec->dialect);
    if (Status opened = openSqlConnection(*m_session, spec->settings); !opened)
        m_error = opened.error().message;
}

RawConnection::~RawConnection()
{
    if (m_session)
        m_session->close();
    m_session.reset();
    if (!m_name.isEmpty())
        QSqlDatabase::removeDatabase(m_name);
}

bool RawConnection::exec(const QString &sql)
{
    return isOpen() && m_session->run(sql);
}

QVariant RawConnection::scalar(const QString &sql)
{
    if (!isOpen())
        return {};
    Result<SqlCursor> q = m_session->exec(sql);
    if (!q || !q->next())
        return {};
    return q->value(0);
}

} // namespace Banter::Test
