// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

// Fills a running banterd over the wire the way people would: two accounts ("me", the one the
// desktop client signs in as, and a colleague), group conversations between them, and
// messages from both, sent on several pipelined connections. Every wait is bounded.
class Filler
{
public:
    struct Accounts
    {
        QString me;
        QString peer;
        QString password;
        qint64 meId = 0;
        qint64 peerId = 0;
    };
    struct Target
    {
        qint64 conversation = 0;
        int messages = 0;
    };

    Filler(const QUrl &url, const QSslCertificate &certificate);

    bool registerAccounts(Accounts &accounts);
    // Creates `count` groups of me and the colleague; their ids, in creation order.
    QList<qint64> createConversations(const Accounts &accounts, const QStringList &names);
    // Sends the messages, interleaved across the targets; false on any refusal or timeout.
    bool send(const Accounts &accounts, const QList<Target> &targets, qint64 timeoutMs);
    // I have read everything so far (a colleague who uses the chat daily).
    bool markAllRead(const Accounts &accounts);
    // The conversation list as the server gives it to me: id → last_seq.
    QList<QPair<qint64, qint64>> lastSeqs(const Accounts &accounts);
    QString error() const { return m_error; }

private:
    QUrl m_url;
    QSslCertificate m_certificate;
    QString m_error;
};
