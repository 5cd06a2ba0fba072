// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawclient.h"

#include "waiting.h"
#include <banter/client/certificatepin.h>

#include <algorithm>

namespace Banter::Test {

using namespace Qt::StringLiterals;

namespace {
// Removes and returns the first frame that matches, if any.
template<typename Match>
std::optional<Protocol::ServerFrame> takeFirst(QList<Protocol::ServerFrame> &frames, Match match)
{
    const auto it = std::find_if(frames.begin(), frames.end(), match);
    if (it == frames.end())
        return std::nullopt;
    Protocol::ServerFrame frame = *it;
    frames.erase(it);
    return frame;
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
    const bool settled =
        waitFor([this] { return m_failed || m_socket.state() == QAbstractSocket::ConnectedState; },
                timeoutMs, "the WebSocket to open or fail");
    Q_UNUSED(settled); // the state says which
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        return true;
    // Why, for the log of a test that fails on it (refused, reset, a handshake answer).
    qWarning("opening %s failed: %s (close code %d %s)", qPrintable(url.toString()),
             qPrintable(m_socket.errorString()), int(m_socket.closeCode()),
             qPrintable(m_socket.closeReason()));
    return false;
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
    const bool answered = waitFor(
        [&] {
            found = takeFirst(responses,
                              [&rid](const Protocol::ServerFrame &f) { return f.rid == rid; });
            return found.has_value();
        },
        timeoutMs, "a response");
    Q_UNUSED(answered); // found says whether
    return found;
}

std::optional<Protocol::ServerFrame> RawClient::nextResponse(int timeoutMs)
{
    if (!waitFor([this] { return !responses.isEmpty(); }, timeoutMs, "a response"))
        return std::nullopt;
    return responses.takeFirst();
}

std::optional<Protocol::ServerFrame> RawClient::waitForPush(const QString &type, int timeoutMs)
{
    std::optional<Protocol::ServerFrame> found;
    const bool pushed = waitFor(
        [&] {
            found = takeFirst(pushes,
                              [&type](const Protocol::ServerFrame &f) { return f.type == type; });
            return found.has_value();
        },
        timeoutMs, "a push");
    Q_UNUSED(pushed); // found says whether
    return found;
}

bool RawClient::noPush(const QString &type, int waitMs)
{
    // Proving that nothing arrives takes the whole window by nature: callers keep it short.
    QTest::qWait(waitMs);
    return !takeFirst(pushes, [&type](const Protocol::ServerFrame &f) { return f.type == type; });
}

bool RawClient::waitForDisconnected(int timeoutMs)
{
    return waitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                   timeoutMs, "the WebSocket to close");
}

std::optional<QJsonObject> RawClient::registerUser(const QString &username, const QString &password,
                                                   int timeoutMs)
{
    auto reply = request(u"register"_s,
                         {{u"username"_s, username},
                          {u"password"_s, password},
                          {u"display_name"_s, username.toUpper()},
                          {u"device"_s, u"test"_s}},
                         timeoutMs);
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
