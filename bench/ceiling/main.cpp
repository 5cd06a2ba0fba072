// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The ceiling: the least a QtWebSockets chat relay can do. No storage, no auth, no JSON. A
// connection names itself with "I <id>"; "T <id> <payload>" is forwarded as is to <id>.
// Accepts like banterd does (own QTcpServer, Nagle off) so the comparison is fair.
#include <QCoreApplication>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTcpServer tcp;
    QWebSocketServer webSockets(QStringLiteral("ceiling"), QWebSocketServer::NonSecureMode);
    QHash<QString, QWebSocket *> byId;

    QObject::connect(&tcp, &QTcpServer::newConnection, &app, [&] {
        while (QTcpSocket *socket = tcp.nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            webSockets.handleConnection(socket);
        }
    });
    QObject::connect(&webSockets, &QWebSocketServer::newConnection, &app, [&] {
        while (QWebSocket *socket = webSockets.nextPendingConnection()) {
            socket->setParent(&app);
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [&, socket](const QString &frame) {
                                 if (frame.startsWith(u'T')) {
                                     const qsizetype space = frame.indexOf(u' ', 2);
                                     if (QWebSocket *to = byId.value(frame.mid(2, space - 2)))
                                         to->sendTextMessage(frame);
                                 } else if (frame.startsWith(u'I')) {
                                     const QString id = frame.mid(2);
                                     byId.insert(id, socket);
                                     socket->setObjectName(id);
                                     socket->sendTextMessage(QStringLiteral("OK"));
                                 }
                             });
            QObject::connect(socket, &QWebSocket::disconnected, socket, [&, socket] {
                byId.remove(socket->objectName());
                socket->deleteLater();
            });
        }
    });
    const quint16 port = argc > 1 ? quint16(QString::fromLatin1(argv[1]).toUInt()) : 0;
    if (!tcp.listen(QHostAddress::LocalHost, port))
        return 1;
    std::printf("ceiling relay listening on ws://127.0.0.1:%u\n", unsigned(tcp.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
