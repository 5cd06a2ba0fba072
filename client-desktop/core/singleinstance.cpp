// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcInstance, "banter.desktop.instance")

constexpr int ConnectTimeoutMs = 1000;
// A peer must say its line this quickly; the other side writes it at once.
constexpr int ReadTimeoutMs = 2000;
// At most this many hand-overs are read at once; more wait in the listen queue.
constexpr int MaxPendingConnections = 4;
const QByteArray Acknowledgement = "ok\n";
} // namespace

SingleInstance::SingleInstance(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::socketPath()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtime.isEmpty() ? QString() : runtime + u"/banter/instance"_s;
}

SingleInstance::Role SingleInstance::claim(const QString &link, int timeoutMs)
{
    if (m_path.isEmpty())
        return Role::Alone;
    // Someone answering there is the running client.
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (socket.waitForConnected(ConnectTimeoutMs)) {
        if (handOver(socket, link, timeoutMs))
            return Role::Secondary;
        qCWarning(lcInstance) << "the running banter did not take the link; starting anyway";
        return Role::Alone;
    }
    // Nobody: a file left there is a crashed client's, which listen() replaces.
    return listen() ? Role::Primary : Role::Alone;
}

bool SingleInstance::handOver(QLocalSocket &socket, const QString &link, int timeoutMs)
{
    const QByteArray message = link.toUtf8() + '\n';
    if (message.size() > MaxMessageBytes)
        return false;
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    QByteArray answer;
    while (answer.size() < Acknowledgement.size() && socket.waitForReadyRead(timeoutMs))
        answer += socket.read(Acknowledgement.size() - answer.size());
    return answer == Acknowledgement;
}

bool SingleInstance::listen()
{
    const QFileInfo file(m_path);
    // The directory holds nothing but this socket: only its owner may enter it.
    if (!QDir().mkpath(file.absolutePath())
        || !QFile::setPermissions(file.absolutePath(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner))
        return false;
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    server->setMaxPendingConnections(MaxPendingConnections);
    if (!server->listen(m_path)) {
        QLocalServer::removeServer(m_path); // a stale socket file: nobody answered above
        if (!server->listen(m_path)) {
            qCWarning(lcInstance) << "cannot listen on" << m_path << server->errorString();
            delete server;
            return false;
        }
    }
    m_server = server;
    connect(server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    return true;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setReadBufferSize(MaxMessageBytes + 1);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // Silence is dropped: a peer that never finishes its line holds nothing for long.
        QTimer::singleShot(ReadTimeoutMs, socket, [socket] { socket->abort(); });
        read(socket);
    }
}

void SingleInstance::read(QLocalSocket *socket)
{
    if (socket->property("done").toBool())
        return;
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxMessageBytes)
            socket->abort(); // no line within the bound: not ours to read further
        return;
    }
    const QByteArray line = socket->readLine(MaxMessageBytes + 1);
    socket->setProperty("done", true);
    const QString text = QString::fromUtf8(line).trimmed();
    const bool raise = text.isEmpty();
    const bool link = text.startsWith(u"banter://"_s, Qt::CaseInsensitive);
    if (raise || link)
        socket->write(Acknowledgement);
    else
        qCInfo(lcInstance) << "ignored a hand-over that is not a banter:// link";
    socket->disconnectFromServer();
    // Queued: what the window does with it (a dialog, a message) must not run inside this
    // socket's signal.
    if (raise)
        QMetaObject::invokeMethod(this, &SingleInstance::raiseRequested, Qt::QueuedConnection);
    else if (link)
        QMetaObject::invokeMethod(
            this, [this, text] { Q_EMIT linkReceived(text); }, Qt::QueuedConnection);
}

} // namespace Banter::Desktop
