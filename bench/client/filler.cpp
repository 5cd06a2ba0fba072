// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filler.h"

#include "wireclient.h"
#include <banter/domain/messageid.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int Window = 128; // requests in flight per connection
constexpr int PeerConnections = 3;
constexpr int MeConnections = 1;

std::unique_ptr<WireClient> signIn(const QUrl &url, const QSslCertificate &certificate,
                                   const QString &user, const QString &password, QString &error)
{
    auto client = std::make_unique<WireClient>(certificate);
    if (!client->open(url)) {
        error = u"cannot connect to %1"_s.arg(url.toString());
        return {};
    }
    const QJsonObject reply = client->call(
        u"login"_s, {{u"username"_s, user}, {u"password"_s, password}, {u"device"_s, u"filler"_s}});
    if (!reply.value(u"success"_s).toBool()) {
        error = u"login %1: %2"_s.arg(user, QString::fromUtf8(QJsonDocument(reply).toJson()));
        return {};
    }
    return client;
}

// Office chat: lines of varied length, so pages and rows are not all alike.
QString content(qint64 conversation, int index)
{
    static const QString words[] = {u"deploy"_s, u"review"_s,  u"lunch"_s,    u"meeting"_s,
                                    u"build"_s,  u"release"_s, u"ticket"_s,   u"tomorrow"_s,
                                    u"coffee"_s, u"numbers"_s, u"customer"_s, u"draft"_s};
    QString text = u"#%1 in %2:"_s.arg(index).arg(conversation);
    const int count = 3 + (index * 7 + int(conversation)) % 17;
    for (int i = 0; i < count; ++i)
        text += u' ' + words[(index + i * 5) % 12];
    return text;
}
} // namespace

Filler::Filler(const QUrl &url, const QSslCertificate &certificate)
    : m_url(url)
    , m_certificate(certificate)
{ }

bool Filler::registerAccounts(Accounts &accounts)
{
    for (auto [name, id] :
         {std::pair{accounts.me, &accounts.meId}, std::pair{accounts.peer, &accounts.peerId}}) {
        WireClient client(m_certificate);
        if (!client.open(m_url)) {
            m_error = u"cannot connect to %1"_s.arg(m_url.toString());
            return false;
        }
        const QJsonObject reply = client.call(u"register"_s,
                                              {{u"username"_s, name},
                                               {u"password"_s, accounts.password},
                                               {u"display_name"_s, name},
                                               {u"device"_s, u"filler"_s}});
        if (!reply.value(u"success"_s).toBool()) {
            m_error =
                u"register %1: %2"_s.arg(name, QString::fromUtf8(QJsonDocument(reply).toJson()));
            return false;
        }
        *id = qint64(reply[u"data"_s][u"user"_s][u"id"_s].toDouble());
    }
    return true;
}

QList<qint64> Filler::createConversations(const Accounts &accounts, const QStringList &names)
{
    auto me = signIn(m_url, m_certificate, accounts.me, accounts.password, m_error);
    if (!me)
        return {};
    QList<qint64> ids;
    for (const QString &name : names) {
        const QJsonObject reply = me->call(
            u"create_group"_s, {{u"name"_s, name}, {u"member_ids"_s, QJsonArray{accounts.peerId}}});
        if (!reply.value(u"success"_s).toBool()) {
            m_error = u"create_group: "_s + QString::fromUtf8(QJsonDocument(reply).toJson());
            return {};
        }
        ids.append(qint64(reply[u"data"_s][u"conversation"_s][u"id"_s].toDouble()));
    }
    return ids;
}

bool Filler::send(const Accounts &accounts, const QList<Target> &targets, qint64 timeoutMs)
{
    std::vector<std::unique_ptr<WireClient>> connections;
    for (int i = 0; i < PeerConnections + MeConnections; ++i) {
        const QString &user = i < PeerConnections ? accounts.peer : accounts.me;
        auto client = signIn(m_url, m_certificate, user, accounts.password, m_error);
        if (!client)
            return false;
        connections.push_back(std::move(client));
    }
    // Round robin over the targets that still have messages to send.
    QList<Target> remaining = targets;
    QList<int> sent(targets.size(), 0);
    qint64 total = 0;
    for (const Target &t : targets)
        total += t.messages;
    qint64 issued = 0;
    qint64 acked = 0;
    qsizetype next = 0;
    bool failed = false;
    std::function<void(WireClient &)> sendOne = [&](WireClient &client) {
        if (failed || issued >= total)
            return;
        while (remaining[next].messages == 0)
            next = (next + 1) % remaining.size();
        const qsizetype t = next;
        next = (next + 1) % remaining.size();
        --remaining[t].messages;
        ++issued;
        const int index = ++sent[t];
        client.request(u"message"_s,
                       {{u"id"_s, Banter::newMessageId().toString(QUuid::WithoutBraces)},
                        {u"conversation_id"_s, remaining[t].conversation},
                        {u"content"_s, content(remaining[t].conversation, index)}},
                       [&](const QJsonObject &reply) {
                           if (!reply.value(u"success"_s).toBool()) {
                               if (!failed)
                                   m_error = u"message refused: "_s
                                       + QString::fromUtf8(QJsonDocument(reply).toJson());
                               failed = true;
                               return;
                           }
                           ++acked;
                           sendOne(client);
                       });
    };
    QElapsedTimer clock;
    clock.start();
    for (auto &client : connections)
        for (int k = 0; k < Window; ++k)
            sendOne(*client);
    qint64 reported = 0;
    const bool done = spinUntil(
        [&] {
            if (clock.elapsed() - reported >= 5000) {
                reported = clock.elapsed();
                std::fprintf(stderr, "fill: %lld of %lld messages (%.0f/s)\n", acked, total,
                             double(acked) * 1000.0 / double(qMax<qint64>(1, reported)));
            }
            return failed || acked == total;
        },
        timeoutMs);
    if (!done && !failed)
        m_error = u"fill: %1 of %2 messages acknowledged within %3 s"_s.arg(acked).arg(total).arg(
            timeoutMs / 1000);
    return done && !failed;
}

QList<QPair<qint64, qint64>> Filler::lastSeqs(const Accounts &accounts)
{
    auto me = signIn(m_url, m_certificate, accounts.me, accounts.password, m_error);
    if (!me)
        return {};
    const QJsonObject reply = me->call(u"conversations"_s, {});
    QList<QPair<qint64, qint64>> result;
    for (const QJsonValue &summary : reply[u"data"_s][u"conversations"_s].toArray()) {
        const QJsonObject c = summary[u"conversation"_s].toObject();
        result.append({qint64(c[u"id"_s].toDouble()), qint64(c[u"last_seq"_s].toDouble())});
    }
    return result;
}

bool Filler::markAllRead(const Accounts &accounts)
{
    const auto seqs = lastSeqs(accounts);
    auto me = signIn(m_url, m_certificate, accounts.me, accounts.password, m_error);
    if (!me || seqs.isEmpty())
        return false;
    for (const auto &[id, seq] : seqs) {
        const QJsonObject reply =
            me->call(u"read"_s, {{u"conversation_id"_s, id}, {u"seq"_s, seq}});
        if (!reply.value(u"success"_s).toBool()) {
            m_error = u"read: "_s + QString::fromUtf8(QJsonDocument(reply).toJson());
            return false;
        }
    }
    return true;
}
