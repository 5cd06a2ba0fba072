// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The server side of a MemoryTransport pair, played in-process: it records every request,
// answers hello, ping and the sign-in's conversation list (with `conversations`, empty by
// default) by itself unless told not to, and lets a test answer the rest.

#include <banter/client/memorytransport.h>
#include <banter/protocol/conversationmessages.h>
#include <banter/protocol/frame.h>
#include <banter/protocol/sessionmessages.h>
#include <banter/protocol/types.h>

#include <QList>
#include <QObject>

#include <memory>
#include <variant>

namespace Banter::Test {

class FakeServer : public QObject
{
public:
    explicit FakeServer(std::unique_ptr<MemoryTransport> end)
        : m_end(std::move(end))
    {
        connect(m_end.get(), &ChannelTransport::textReceived, this, &FakeServer::onText);
    }

    MemoryTransport &end() { return *m_end; }
    bool answerHello = true;
    bool answerPing = true;
    bool answerConversations = true;
    QList<ConversationSummary> conversations; // the reply to "conversations"
    Protocol::ServerLimits limits; // the hello reply's

    QList<Protocol::Request> requests; // everything received, in order

    QList<Protocol::Request> ofType(const QString &type) const
    {
        QList<Protocol::Request> found;
        for (const Protocol::Request &r : requests) {
            if (r.type == type)
                found.append(r);
        }
        return found;
    }
    qsizetype count(const QString &type) const { return ofType(type).size(); }
    Protocol::Request last(const QString &type) const { return ofType(type).last(); }

    void reply(const Protocol::Request &request, const QJsonObject &data = {})
    {
        m_end->sendText(
            Protocol::encodeSuccess(Protocol::responseType(request.type), request.rid, data));
    }
    void fail(const Protocol::Request &request, const Error &error)
    {
        m_end->sendText(Protocol::encodeFailure(request.type, request.rid, error));
    }
    void push(const QString &type, const QJsonObject &data)
    {
        m_end->sendText(Protocol::encodePush(type, data));
    }

private:
    void onText(const QByteArray &text)
    {
        auto decoded = Protocol::decodeRequest(text);
        if (!std::holds_alternative<Protocol::Request>(decoded))
            return;
        const Protocol::Request request = std::get<Protocol::Request>(decoded);
        requests.append(request);
        if (request.type == Protocol::Type::Hello && answerHello)
            reply(request, Protocol::HelloReply{1, QStringLiteral("fake"), limits, {}}.toJson());
        else if (request.type == Protocol::Type::Ping && answerPing)
            reply(request, Protocol::PongReply{}.toJson());
        else if (request.type == Protocol::Type::Conversations && answerConversations)
            reply(request, Protocol::ConversationsReply{conversations}.toJson());
    }

    std::unique_ptr<MemoryTransport> m_end;
};

} // namespace Banter::Test
