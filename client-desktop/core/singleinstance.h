// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace Banter::Desktop {

// One banter per user: the first start listens on a local socket of its own (in the user's
// runtime directory, owner-only); a later start hands its banter:// link (or nothing: "show
// yourself") to that one and exits instead of opening a second client over the same account
// and cache. A socket file left by a client that crashed is taken over, not obeyed.
//
// The message is one line of UTF-8 of at most MaxMessageBytes; the running client answers
// "ok" once it has read it. Anything that is not a banter:// link or an empty line is ignored,
// and a connection that says nothing sensible in time is dropped.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxMessageBytes = 4096;

    enum class Role {
        Primary, // this is the running client now: linkReceived() and raiseRequested() follow
        Secondary, // another client runs and has the message: exit
        Alone, // neither (no runtime directory, socket errors): run without the hand-over
    };

    // `path`: the socket file; socketPath() for the real client.
    explicit SingleInstance(QString path, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket file for this user: $XDG_RUNTIME_DIR/banter/instance (or Qt's fallback
    // runtime directory).
    static QString socketPath();

    // Becomes the running client, or hands `link` (empty: just "show yourself") to the one
    // that runs, waiting up to timeoutMs for it to confirm.
    Role claim(const QString &link = {}, int timeoutMs = 5000);

Q_SIGNALS:
    // Another start was given this banter:// link.
    void linkReceived(const QString &link);
    // Another start had no link: the window should come to the front.
    void raiseRequested();

private:
    bool listen();
    static bool handOver(QLocalSocket &socket, const QString &link, int timeoutMs);
    void accept();
    void read(QLocalSocket *socket);

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace Banter::Desktop
