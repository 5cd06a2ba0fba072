// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicetest.h"

#include "presence/presencestore.h"
#include "storage/sqlbatchrunner.h"
#include "storage/storagefactory.h"
#include <banter/domain/errorcode.h>

namespace Banter::Test {

using namespace Qt::StringLiterals;

InlineStorageExecutor::InlineStorageExecutor() = default;

InlineStorageExecutor::~InlineStorageExecutor()
{
    if (m_runner)
        m_runner->close();
}

Status InlineStorageExecutor::open(const QString &url)
{
    Result<SqlConnectionSpec> spec = connectionSpecFromUrl(url);
    if (!spec)
        return spec.error();
    m_runner = std::make_unique<SqlBatchRunner>(*spec);
    return m_runner->open();
}

void InlineStorageExecutor::submit(StorageJob job)
{
    ++m_jobs;
    std::vector<StorageJob> batch;
    batch.push_back(std::move(job));
    SqlBatchRunner::Outcome outcome;
    if (m_failBatches > 0) {
        --m_failBatches;
        outcome.reports.assign(batch.size(), false);
    } else {
        outcome = m_runner->run(batch);
    }
    SqlBatchRunner::finish(batch, outcome);
}

void RecordingPushSink::push(const QList<UserId> &users, QLatin1String type,
                             const QJsonObject &data, ConnectionId except)
{
    pushes.append({users, QString(type), data, except});
}

void RecordingPushSink::pushEither(const QList<UserId> &users, ClientFeature, const Form &current,
                                   const Form &legacy)
{
    pushes.append({users, QString(current.type), current.data, 0});
    pushes.append({users, QString(legacy.type), legacy.data, 0});
}

QList<RecordedPush> RecordingPushSink::ofType(QLatin1String type) const
{
    QList<RecordedPush> matching;
    for (const RecordedPush &push : pushes) {
        if (push.type == type)
            matching.append(push);
    }
    return matching;
}

ServiceFixture::ServiceFixture()
    : presence(std::make_unique<PresenceStore>())
{ }

ServiceFixture::~ServiceFixture() = default;

bool ServiceFixture::open()
{
    if (!m_database.isValid()) {
        m_error = m_database.error();
        return false;
    }
    if (Status opened = storage.open(m_database.url()); !opened) {
        m_error = describe(opened.error());
        return false;
    }
    return true;
}

ServiceContext ServiceFixture::context()
{
    return ServiceContext{storage, pushes, *presence, limits, [this] { return now; }};
}

User ServiceFixture::createUser(const QString &name)
{
    Result<User> user = inStorage<User>([name, now = now](Repositories &repos) {
        return repos.users.create(name, name, u"-"_s, now);
    });
    return user ? *user : User{};
}

Conversation ServiceFixture::createGroup(UserId admin, const QList<UserId> &members,
                                         const QString &name)
{
    QList<Participant> participants{{admin, ParticipantRole::Admin, {}, {}, now, 0, 0}};
    for (UserId id : members)
        participants.append({id, ParticipantRole::Member, {}, {}, now, 0, 0});
    Result<Conversation> created =
        inStorage<Conversation>([participants, name, now = now](Repositories &repos) {
            return repos.conversations.create(ConversationType::Group, name, participants, now);
        });
    return created ? *created : Conversation{};
}

QString describe(const Error &error)
{
    return errorCodeName(error.code) + u": "_s + error.message;
}

} // namespace Banter::Test
