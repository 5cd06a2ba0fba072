// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    // Blocks in the event loop (no busy spinning, so the load generator's own CPU figure is
    // honest) and looks at the condition once a millisecond.
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    QDeadlineTimer deadline(timeoutMs);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    check.start(1);
    loop.exec();
    return done();
}

BenchClient::BenchClient()
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(16) * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
}

bool BenchClient::open(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    return spinUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                     timeoutMs);
}

QString BenchClient::request(const QString &type, const QJsonObject &data, Handler done)
{
    QString rid = QString::number(m_nextRid++);
    m_pending.emplace(rid, std::move(done));
    const QJsonObject frame{{u"type"_s, type}, {u"rid"_s, rid}, {u"data"_s, data}};
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return rid;
}

QJsonObject BenchClient::call(const QString &type, const QJsonObject &data, int timeoutMs)
{
    // The reply itself ends the wait: polling for it (as spinUntil does) would add up to a
    // timer tick to every measured round trip.
    QJsonObject result;
    QEventLoop loop;
    const QString rid = request(type, data, [&](const QJsonObject &frame) {
        result = frame;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    m_pending.remove(rid); // after a timeout, a late reply must not reach this dead frame
    return result;
}

void BenchClient::onText(const QString &text)
{
    if (onRawText && !text.startsWith(u'{')) {
        onRawText(text);
        return;
    }
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonValue rid = frame.value(u"rid");
    if (rid.isString()) {
        if (Handler handler = m_pending.take(rid.toString()))
            handler(frame);
        return;
    }
    if (onPush)
        onPush(frame);
}
