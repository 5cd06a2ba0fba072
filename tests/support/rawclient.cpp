// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawclient.h"

#include <banter/client/certificatepin.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>

#include <algorithm>

namespace Banter::Test {

using namespace Qt::StringLiterals;

namespace {
// Spins the event loop until `done` or the deadline; returns done().
template<typename Done>
bool spinUntil(Done done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(1);
    }
    return true;
}
} // namespace

RawClient::RawClient(QObject *parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(Protocol::MaxServerFrameBytes));
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RawClient::onText);
    connect(&m_socket, &QWebSocket::sslErrors, this, &RawClient::onSslErrors);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this] { m_failed = true; });
}

void RawClient::onSslErrors(const QList<QSslError> &errors)
{
    // Each error names the certificate it is about: all of them must be the pinned one.
    const bool pinned = !m_pin.isEmpty()
        && std::all_of(errors.cbegin(), errors.cend(), [this](const QSslError &error) {
               return !error.certificate().isNull()
                   && CertificatePin::fingerprint(error.certificate()) == m_pin;
           });
    if (pinned)
        m_socket.ignoreSslErrors();
}

bool RawClient::open(const QUrl &url, int timeoutMs)
{
    m_failed = false;
    m_socket.open(url);
    // A refused connection or handshake fails now rather than at the deadline.
    spinUntil([this] { return m_failed || m_socket.state() == QAbstractSocket::ConnectedState; },
              timeoutMs);
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawClient::close()
{
    m_socket.close();
    waitForDisconnected(2000);
}

bool RawClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawClient::sendText(const QByteArray &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(frame));
}

void RawClient::onText(const QString &text)
{
    Result<Protocol::ServerFrame> frame = Protocol::decodeServerFrame(text.toUtf8());
    if (!frame) {
        undecodable.append(text.toUtf8());
        return;
    }
    if (frame->kind == Protocol::ServerFrame::Kind::Push)
        pushes.append(*frame);
    else
        responses.append(*frame);
}

std::optional<Protocol::ServerFrame> RawClient::request(const QString &type,
                                                        const QJsonObject &data, int timeoutMs)
{
    const QString rid = u"t%1"_s.arg(m_nextRid++);
    sendText(Protocol::encodeRequest(type, rid, data));
    std::optional<Protocol::ServerFrame> found;
    spinUntil(
        [&] {
            for (qsizetype i = 0; i < responses.size(); ++i) {
                if (responses.at(i).rid == rid) {
                    found = responses.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

std::optional<Protocol::ServerFrame> RawClient::nextResponse(int timeoutMs)
{
    if (!spinUntil([this] { return !responses.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return responses.takeFirst();
}

std::optional<Protocol::ServerFrame> RawClient::waitForPush(const QString &type, int timeoutMs)
{
    std::optional<Protocol::ServerFrame> found;
    spinUntil(
        [&] {
            for (qsizetype i = 0; i < pushes.size(); ++i) {
                if (pushes.at(i).type == type) {
                    found = pushes.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

bool RawClient::noPush(const QString &type, int waitMs)
{
    return !waitForPush(type, waitMs).has_value();
}

bool RawClient::waitForDisconnected(int timeoutMs)
{
    return spinUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                     timeoutMs);
}

std::optional<QJsonObject> RawClient::registerUser(const QString &username, const QString &password)
{
    auto reply = request(u"register"_s,
                         {{u"username"_s, username},
                          {u"password"_s, password},
                          {u"display_name"_s, username.toUpper()},
                          {u"device"_s, u"test"_s}});
    if (!reply || !reply->success)
        return std::nullopt;
    return reply->data;
}

std::optional<QJsonObject> RawClient::login(const QString &username, const QString &password)
{
    auto reply =
        request(u"login"_s,
                {{u"username"_s, username}, {u"password"_s, password}, {u"device"_s, u"test"_s}});
    if (!reply || !reply->success)
        return std::nullopt;
    return reply->data;
}

} // namespace Banter::Test
